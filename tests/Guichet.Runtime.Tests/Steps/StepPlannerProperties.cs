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
/// generated sequences of events with duplicate ids, suspend and resume, timers armed, cancelled and fired,
/// crashes after commits and sweeps: pure, in memory, no storage.
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
            Assert.Equal(applied.Count, applied.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Count());
            var (state, folded) = (State(host.Record), Fold(applied));
            Assert.Equal(folded.Log, state.Log);
            Assert.Equal(folded.Fired, state.Fired);
            var verifier = new HistoryVerifier(PlannerHost.Chain, host.Record.LastSequence, host.Record.LastHash);
            Assert.All(host.Partition.History, e => verifier.Check(e));
            Assert.True(verifier.Finish().IsIntact);
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
        IEnumerable<Operation> ending = [new Operation.Resume(false), new Operation.Sweep(), new Operation.Advance(60), new Operation.FireDue(false), new Operation.Sweep()];
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

    private static string Name(RaiseKind kind) => kind.ToString().ToLowerInvariant();

    private static JsonElement Payload(Operation.Raise raise) => raise.Kind switch
    {
        RaiseKind.Append => JsonSerializer.SerializeToElement(new { }),
        RaiseKind.Arm => JsonSerializer.SerializeToElement(new Arm(raise.Timer, raise.Seconds), WorkflowJson.Options),
        _ => JsonSerializer.SerializeToElement(new Disarm(raise.Timer), WorkflowJson.Options),
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
