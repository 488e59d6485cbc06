using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    public Commit Start(string instanceId, byte[] input, string? actor, string? correlationId, DateTimeOffset? startAt)
    {
        var created = new InstanceRecord
        {
            InstanceId = instanceId,
            WorkflowType = workflow.Type,
            WorkflowVersion = workflow.Version,
            RuntimeStatus = RuntimeStatus.Pending,
            State = [],
            CreatedAt = now,
            UpdatedAt = now,
            Input = input,
            CorrelationId = correlationId,
            StartActor = actor,
        };
        if (startAt is { } at && at > now)
        {
            var planner = new EffectPlanner(created, 1, workflow.Version, correlationId).Apply([new ScheduleTimer(ScheduledStartTimer, at)]);
            var entry = Entry(created, planner.Record, HistoryKind.Scheduled, ScheduledStartTimer, null, actor, null, correlationId, planner.Descriptions);
            return new Commit(Seal(planner.Record, entry), IsNew: true) { Entry = entry, Outbox = planner.Outbox };
        }

        return RunStart(created, correlationId) with { IsNew = true };
    }

    /// <summary>Runs the decider's start; a scheduled start is recorded as the act of whoever asked for it.</summary>
    private Commit RunStart(InstanceRecord pending, string? correlationId)
    {
        var actor = pending.StartActor;
        var input = JsonDocument.Parse(pending.Input ?? "null"u8.ToArray()).RootElement;
        var start = new WorkflowStart(pending.InstanceId, input, actor);
        var running = pending with { RuntimeStatus = RuntimeStatus.Running };
        return Decide(running, HistoryKind.Started, "start", null, actor, correlationId, () => workflow.Start(start, now), pending);
    }
}
