using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>
/// The step planner against the plain statement of the runtime's promises (<see cref="ChainReference"/>), on
/// generated sequences of events with duplicate ids, events a rule refuses, payloads that do not bind, a decider
/// that throws, rewinds and retries, suspend and resume, timers armed, cancelled and fired, crashes after commits
/// and sweeps: pure, in memory, no storage.
/// </summary>
public sealed class StepPlannerProperties
{
    private const int Cases = 200;

    [Property(MaxTest = Cases)]
    public Property AnySequence_StateIsTheFoldOfTheAcceptedEvents_InAcceptanceOrder() =>
        Prop.ForAll(Operation.Sequences(), operations =>
        {
            var (host, reference) = Run(operations);
            Assert.Equal(reference.Log, State(host.Record).Log);
        });

    [Property(MaxTest = Cases)]
    public Property AnySequence_HistoryFoldsToTheState_AndAppliesNoEventIdTwice() =>
        Prop.ForAll(Operation.Sequences(), operations =>
        {
            var (host, _) = Run(operations);
            var applied = host.Partition.History.Where(e => e.Kind is HistoryKind.EventApplied or HistoryKind.TimerFired).ToList();
            var settled = host.Partition.History.Where(e => e.Kind is HistoryKind.EventApplied or HistoryKind.TimerFired or HistoryKind.Rejected).ToList();
            Assert.Equal(settled.Count, settled.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
            var (state, folded) = (State(host.Record), Fold(applied));
            Assert.Equal(folded.Log, state.Log);
            Assert.Equal(folded.Fired, state.Fired);
            var verifier = new HistoryVerifier(PlannerHost.Chain, host.Record.LastSequence, host.Record.LastHash);
            Assert.All(host.Partition.History, e => verifier.Check(e));
            Assert.True(verifier.Finish().IsIntact);
        });

    [Property(MaxTest = Cases)]
    public Property AnySequence_RefusalsAndFailures_ChangeNoState_AndEveryBufferedEventSaysWhatBecameOfIt() =>
        Prop.ForAll(Operation.Sequences(), operations =>
        {
            var (host, _) = Run(operations);
            var history = host.Partition.History;
            Assert.All(history.Where(e => e.Kind is HistoryKind.Rejected or HistoryKind.Failed), e => Assert.Equal(e.StatusBefore, e.StatusAfter));
            Assert.All(history.Where(e => e.Kind == HistoryKind.Failed), e => Assert.Equal("boom", e.Name));
            Assert.DoesNotContain(history, e => e.Kind == HistoryKind.EventApplied && e.Name is "refuse" or "boom");
            foreach (var (eventId, settlement) in host.Partition.Settled.Where(s => !s.Key.StartsWith("timer:", StringComparison.Ordinal)))
            {
                var last = history.Last(e => e.EventId == eventId);
                var expected = last.Kind switch
                {
                    HistoryKind.EventApplied => EventResult.Applied,
                    HistoryKind.Rejected => EventResult.Refused,
                    _ => EventResult.Failed,
                };
                Assert.Equal(expected, settlement.Result);
            }
        });

    [Property(MaxTest = Cases)]
    public Property AnySequence_AfterResumeAndSweep_NothingStaysBufferedOrPending() =>
        Prop.ForAll(Operation.Sequences(), operations =>
        {
            var (host, _) = Run(operations);
            Assert.Equal(RuntimeStatus.Running, host.Record.RuntimeStatus);
            Assert.Equal(0, host.Record.BufferedEvents);
            Assert.Empty(host.Partition.Inbox);
            Assert.Empty(host.Partition.Outbox);
            Assert.Empty(host.Record.Timers);
            Assert.Empty(host.TimerIndex);
        });

    /// <summary>Plays the operations on the planner and on the reference, then resumes, sweeps and lets every timer come due.</summary>
    private static (PlannerHost Host, ChainReference Reference) Run(Operation[] operations)
    {
        var clock = new FakeTimeProvider(RuntimeHarness.Epoch);
        var host = new PlannerHost(new WorkflowRegistry([new ChainWorkflow()]).Get(ChainWorkflow.TypeName), clock, "chain-1");
        var reference = new ChainReference(clock.GetUtcNow);
        host.Start();
        // The ending rewinds past every failed event before time runs out, so that what waits behind them is armed in time.
        IEnumerable<Operation> ending = [new Operation.Resume(false), .. RewindAll, new Operation.Sweep(), .. RewindAll, new Operation.Advance(60), new Operation.FireDue(false), new Operation.Sweep()];
        foreach (var operation in operations.Concat(ending))
        {
            switch (operation)
            {
                case Operation.Raise raise:
                    host.Raise(Name(raise.Kind), Payload(raise), raise.EventId, raise.Crash);
                    reference.Raise(raise);
                    break;
                case Operation.Suspend:
                    host.Suspend(crash: false);
                    reference.Suspend();
                    break;
                case Operation.Resume resume:
                    host.Resume(resume.Crash);
                    reference.Resume(resume.Crash);
                    break;
                case Operation.Advance advance:
                    clock.Advance(TimeSpan.FromSeconds(advance.Seconds));
                    break;
                case Operation.Rewind rewind:
                    host.Rewind(rewind.Crash);
                    reference.Rewind(rewind.Crash);
                    break;
                case Operation.Retry retry:
                    host.Retry(retry.Crash);
                    reference.Retry(retry.Crash);
                    break;
                case Operation.FireDue fire:
                    host.FireDue(fire.ClearFails);
                    reference.FireDue();
                    break;
                default:
                    host.Sweep();
                    reference.Sweep();
                    break;
            }
        }

        return (host, reference);
    }

    /// <summary>Enough rewinds for every event that may fail (each rewind skips one; one behind it may fail next).</summary>
    private static readonly Operation[] RewindAll = [.. Enumerable.Repeat<Operation>(new Operation.Rewind(false), 41)];

    private static string Name(RaiseKind kind) => kind == RaiseKind.Unbound ? "arm" : kind.ToString().ToLowerInvariant();

    private static JsonElement Payload(Operation.Raise raise) => raise.Kind switch
    {
        RaiseKind.Arm => JsonSerializer.SerializeToElement(new Arm(raise.Timer, raise.Seconds), WorkflowJson.Options),
        RaiseKind.Disarm => JsonSerializer.SerializeToElement(new Disarm(raise.Timer), WorkflowJson.Options),
        RaiseKind.Unbound => JsonSerializer.SerializeToElement(new { timer = raise.Seconds, seconds = raise.Timer }),
        _ => JsonSerializer.SerializeToElement(new { }),
    };

    private static ChainState State(InstanceRecord record) =>
        JsonSerializer.Deserialize<ChainState>(record.State, WorkflowJson.Options)!;

    /// <summary>The decider folded over the history's applied entries, each with the instant and id it was applied with.</summary>
    private static ChainState Fold(IEnumerable<HistoryEntry> applied)
    {
        var decider = new ChainWorkflow();
        var state = new ChainState();
        foreach (var entry in applied)
        {
            var type = decider.Events.TypeOf(entry.Name)!;
            var @event = (ChainEvent)entry.Payload!.Value.Deserialize(type, WorkflowJson.Options)!;
            var origin = entry.Kind == HistoryKind.TimerFired ? Deciders.EventOrigin.Timer : Deciders.EventOrigin.External;
            state = decider.Decide(state, @event, new Deciders.EventContext("chain-1", entry.Name, entry.EventId!, origin, entry.Actor, entry.At)).State!;
        }

        return state;
    }
}
