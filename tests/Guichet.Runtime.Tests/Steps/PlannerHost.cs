using System.Text.Json;
using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Timers;
using Guichet.Runtime.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>
/// Drives <see cref="StepPlanner"/> as <see cref="WorkflowRuntime"/> does, on an <see cref="InMemoryPartition"/>
/// and an in-memory timer index: plan, commit, then carry out the outbox and drain the inbox. A step may
/// "crash" after its commit (nothing after it runs), and a timer firing may fail to clear its index row.
/// </summary>
internal sealed class PlannerHost(IWorkflow workflow, FakeTimeProvider clock, string instanceId)
{
    private readonly SortedDictionary<string, DueTimer> _timerIndex = new(StringComparer.Ordinal);

    public InMemoryPartition Partition { get; } = new();

    public InstanceRecord Record => Partition.Record ?? throw new InvalidOperationException("Not started.");

    public IReadOnlyCollection<DueTimer> TimerIndex => _timerIndex.Values;

    /// <summary>The chain every planned step seals its history entry with.</summary>
    public static HistoryChain Chain { get; } = new(Guichet.Testing.TestKeys.History);

    private StepPlanner Planner => new(workflow, Chain, clock.GetUtcNow());

    public void Start() =>
        Run(_ => Planner.Start(instanceId, "{}"u8.ToArray(), "tester", null, null), crash: false);

    public RaiseResult Raise(string eventName, JsonElement payload, string eventId, bool crash) =>
        Run(r => Planner.Apply(r, new WorkflowEvent(eventName, payload, eventId, EventOrigin.External, "tester"), null, null, workflow.Version), crash);

    public RaiseResult Suspend(bool crash) => Run(
        r => r.RuntimeStatus == RuntimeStatus.Running ? new Step(Planner.Control(r, HistoryKind.Suspended, RuntimeStatus.Suspended, null, "op"), RaiseResult.Applied) : Step.Refused(RaiseResult.Ignored),
        crash);

    public RaiseResult Resume(bool crash) => Run(
        r => r.RuntimeStatus == RuntimeStatus.Suspended ? new Step(Planner.Control(r, HistoryKind.Resumed, RuntimeStatus.Running, null, "op"), RaiseResult.Applied) : Step.Refused(RaiseResult.Ignored),
        crash);

    public RaiseResult Rewind(bool crash) => Run(
        r => r.RuntimeStatus == RuntimeStatus.Failed
            ? new Step(Planner.Rewind(r, "rewound", "op", r.FailedEvent is { } position ? Partition.Inbox[position] : null), RaiseResult.Applied)
            : Step.Refused(RaiseResult.Ignored),
        crash);

    public RaiseResult Retry(bool crash) => Run(
        r => r is { RuntimeStatus: RuntimeStatus.Failed, FailedEvent: not null } ? new Step(Planner.Retry(r, "retried", "op"), RaiseResult.Applied) : Step.Refused(RaiseResult.Ignored),
        crash);

    /// <summary>Fires the due timers in index order; when <paramref name="clearFails"/>, their index rows stay (as after a failed delete).</summary>
    public void FireDue(bool clearFails)
    {
        var now = clock.GetUtcNow();
        foreach (var timer in _timerIndex.Values.Where(t => t.DueAt <= now).ToList())
        {
            var payload = JsonDocument.Parse(timer.Payload ?? "null"u8.ToArray()).RootElement.Clone();
            var @event = new WorkflowEvent(timer.Name, payload, "timer:" + timer.TimerId, EventOrigin.Timer, "timer");
            Run(r => Planner.Apply(r, @event, null, timer.TimerId, timer.Version), crash: false);
            if (!clearFails)
            {
                _timerIndex.Remove(timer.RowKey);
            }
        }
    }

    /// <summary>What the sweeper does after a crash: carries out every outbox row, then drains the inbox.</summary>
    public void Sweep()
    {
        Dispatch(Partition.Outbox.ToList());
        Drain();
    }

    private RaiseResult Run(Func<InstanceRecord, Step> plan, bool crash)
    {
        // Nobody else writes this partition, so a conflict is a bug of the commit, not a race to retry.
        var step = plan(Partition.Record!);
        if (step.Commit is null)
        {
            return step.Result;
        }

        switch (Partition.Commit(step.Commit))
        {
            case CommitResult.Committed:
                if (!crash)
                {
                    Dispatch(step.Commit.Outbox);
                    Drain();
                }

                return step.Result;
            case CommitResult.Duplicate:
                return RaiseResult.Duplicate;
            case var other:
                throw new InvalidOperationException($"Commit {other} with a single writer.");
        }
    }

    private void Drain()
    {
        while (Record is { RuntimeStatus: RuntimeStatus.Running, BufferedEvents: > 0 } record)
        {
            var commit = Planner.ApplyBuffered(record, Partition.Inbox[record.InboxHead])
                ?? throw new InvalidOperationException("A buffered event waits for a newer version.");
            Assert.Equal(CommitResult.Committed, Partition.Commit(commit));
            Dispatch(commit.Outbox);
        }
    }

    private void Dispatch(IEnumerable<OutboxItem> items)
    {
        foreach (var item in items)
        {
            switch (item.Kind)
            {
                case OutboxKind.SetTimer:
                    _timerIndex[item.Target] = new DueTimer(item.Target, instanceId, item.Id!, item.Name!, item.DueAt!.Value, item.Payload, item.Version, item.CorrelationId);
                    break;
                case OutboxKind.ClearTimer:
                    _timerIndex.Remove(item.Target);
                    break;
                default:
                    throw new InvalidOperationException($"{item.Kind} is not expected from this workflow.");
            }

            Partition.Done(item);
        }
    }
}
