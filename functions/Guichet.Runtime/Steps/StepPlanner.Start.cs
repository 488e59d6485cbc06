using System.Text.Json;
using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

internal sealed partial class StepPlanner
{
    /// <summary>
    /// Creates an instance, started now or scheduled. An input that does not bind, or a start the decider
    /// rejects, creates nothing: the refusal goes back to the caller.
    /// </summary>
    public Step Start(string instanceId, byte[] input, string? actor, string? correlationId, DateTimeOffset? startAt)
    {
        var created = new InstanceRecord
        {
            InstanceId = instanceId,
            WorkflowType = Workflow.Type,
            WorkflowVersion = Workflow.Version,
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
            if (InputProblem(created) is { } problem)
            {
                return Step.Refused(RaiseResult.Invalid, problem);
            }

            var planner = new EffectPlanner(created, 1, Workflow.Version, correlationId).Apply([new ScheduleTimer(ScheduledStartTimer, at)]);
            var entry = Entry(created, planner.Record, new StepCause(HistoryKind.Scheduled, ScheduledStartTimer, null, actor, correlationId), null, planner.Descriptions);
            return new(new Commit(Seal(planner.Record, entry), IsNew: true) { Entry = entry, Outbox = planner.Outbox }, RaiseResult.Applied);
        }

        var started = RunStart(created, correlationId);
        return started.Commit is { } commit ? started with { Commit = commit with { IsNew = true } } : started;
    }

    /// <summary>
    /// Runs the decider's start; a scheduled start is recorded as the act of whoever asked for it. A scheduled
    /// start the decider refuses when it comes due ends the instance as Terminated with the reason.
    /// </summary>
    private Step RunStart(InstanceRecord pending, string? correlationId)
    {
        var cause = new StepCause(HistoryKind.Started, "start", null, pending.StartActor, correlationId);
        StepResult result;
        try
        {
            var context = new EventContext(pending.InstanceId, "start", "start", EventOrigin.External, pending.StartActor, now);
            result = Workflow.Start(Input(pending), context);
        }
        catch (EventBindingException ex)
        {
            return Refusal(pending, cause, RaiseResult.Invalid, ex.Message);
        }
        catch (Exception ex) when (ex is not WorkflowVersionException and not OperationCanceledException)
        {
            return new(Failure(pending with { RuntimeStatus = RuntimeStatus.Running }, cause, ex), RaiseResult.Failed);
        }

        if (result.Rejection is { } reason)
        {
            return Refusal(pending, cause, RaiseResult.Rejected, reason);
        }

        var commit = Commit(pending with { RuntimeStatus = RuntimeStatus.Running }, cause, result);
        return new(commit, commit.Entry?.Kind == HistoryKind.Failed ? RaiseResult.Failed : RaiseResult.Applied);
    }

    /// <summary>A new instance is simply not created; one that waited for its scheduled start ends, with the reason.</summary>
    private Step Refusal(InstanceRecord pending, StepCause cause, RaiseResult result, string reason)
    {
        if (pending.LastSequence == 0)
        {
            return Step.Refused(result, reason);
        }

        var ended = pending with { RuntimeStatus = RuntimeStatus.Terminated, Error = reason };
        var entry = Entry(pending, ended, cause with { Kind = HistoryKind.Rejected }, reason, []);
        return new(new Commit(Seal(ended, entry), false) { Entry = entry }, result, reason);
    }

    private string? InputProblem(InstanceRecord record)
    {
        try
        {
            _ = Workflow.Start(Input(record), new EventContext(record.InstanceId, "start", "start", EventOrigin.External, record.StartActor, now));
            return null;
        }
        catch (EventBindingException ex)
        {
            return ex.Message;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whether the decider accepts it is decided at the scheduled time; only the input's shape is checked now.
            return null;
        }
    }

    private static JsonElement Input(InstanceRecord record) =>
        JsonDocument.Parse(record.Input ?? "null"u8.ToArray()).RootElement;
}
