using System.Text;
using System.Text.Json;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime;

/// <summary>Who and what a request to the runtime comes with.</summary>
/// <param name="Actor">Who asks (recorded in the history).</param>
/// <param name="CorrelationId">The id that ties this request to everything it causes.</param>
/// <param name="OnRefusal">For an event: the message to send when it is buffered and later not applied (see <see cref="RefusalReply"/>).</param>
public sealed record RequestContext(string? Actor = null, string? CorrelationId = null, RefusalReply? OnRefusal = null);

/// <summary>
/// A message an external caller leaves with an event, sent to <paramref name="Queue"/> if the event is buffered and
/// later not applied (refused, or its instance ended or was rewound past it first), through the outbox of the step
/// that settles it: once, durably. A caller who got <see cref="RaiseResult.Buffered"/> and moved on learns of the
/// refusal this way (the intake sends itself its request again, to route it elsewhere).
/// </summary>
/// <param name="Queue">A queue name.</param>
/// <param name="Body">The message's text, at most 48 KiB in UTF-8.</param>
public sealed record RefusalReply(string Queue, string Body)
{
    /// <summary>The largest body, in UTF-8 bytes: a queue message holds 64 KiB once base64-encoded.</summary>
    public const int MaxBodyBytes = Steps.EffectPlanner.MaxMessageBytes;
}

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Starts an instance of a workflow type. Idempotent on the instance id: when it exists already, nothing
    /// changes and <see cref="StartResult.AlreadyExists"/> comes back with its status. An input that does not
    /// bind to the workflow's start record, or a start its decider rejects, creates nothing and says why.
    /// </summary>
    /// <param name="workflowType">A registered workflow type.</param>
    /// <param name="instanceId">The instance's id (see <see cref="InstanceIds"/>).</param>
    /// <param name="input">The input its decider starts from.</param>
    /// <param name="context">Who starts it, and the correlation id.</param>
    /// <param name="startAt">A later start: the instance stays Pending until then, buffering events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<StartOutcome> StartAsync(
        string workflowType,
        string instanceId,
        JsonElement? input = null,
        RequestContext? context = null,
        DateTimeOffset? startAt = null,
        CancellationToken cancellationToken = default)
    {
        InstanceIds.Validate(instanceId, nameof(instanceId));
        var workflow = _registry.Get(workflowType);
        var inputBytes = ValidatePayload(input, nameof(input));
        var step = new StepPlanner(workflow, Chain, Time.GetUtcNow(), _registry.Versions).Start(instanceId, inputBytes, context?.Actor, context?.CorrelationId, startAt);
        if (step.Commit is not { } planned)
        {
            return new(step.Result == RaiseResult.Invalid ? StartResult.Invalid : StartResult.Rejected, null, step.Reason);
        }

        var (commit, committed) = await CommitFittingAsync(planned.Record, Indexed(null, planned), cancellationToken);
        if (committed.Result != CommitResult.Committed)
        {
            var existing = await Store.LoadAsync(instanceId, cancellationToken)
                ?? throw new InvalidOperationException($"Instance '{instanceId}' could not be created and cannot be read.");
            return new(StartResult.AlreadyExists, existing.ToStatus(false));
        }

        var created = commit.Record with { ETag = committed.ETag };
        await AfterCommitAsync(commit, 0, cancellationToken);
        var outcome = created.RuntimeStatus switch
        {
            RuntimeStatus.Pending => StartResult.Scheduled,
            RuntimeStatus.Failed when commit.Entry?.Kind == HistoryKind.Failed => StartResult.Failed,
            _ => StartResult.Started,
        };
        return new(outcome, created.ToStatus(false));
    }

    private byte[] ValidatePayload(JsonElement? payload, string paramName)
    {
        var bytes = Encoding.UTF8.GetBytes(payload?.GetRawText() ?? "null");
        if (bytes.Length > Options.MaxPayloadBytes)
        {
            throw new PayloadTooLargeException(paramName, bytes.Length, Options.MaxPayloadBytes);
        }

        return bytes;
    }
}
