using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Instances;

/// <summary>
/// An instance's status as the Durable Functions HTTP API shows it (<c>name</c> is the workflow type; input
/// and output only with <c>showInput=true</c>), with what this runtime adds and the management URIs.
/// </summary>
public sealed record InstanceStatusResponse
{
    /// <summary>The instance's id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workflow type.</summary>
    public required string Name { get; init; }

    /// <summary>The workflow version its state is stored in.</summary>
    public required int WorkflowVersion { get; init; }

    /// <summary>Pending, Running, Suspended, Completed, Failed or Terminated.</summary>
    public required RuntimeStatus RuntimeStatus { get; init; }

    /// <summary>The lifecycle state the workflow last reported.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedTime { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset LastUpdatedTime { get; init; }

    /// <summary>Its input, with <c>showInput=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Input { get; init; }

    /// <summary>Its output once completed, with <c>showInput=true</c>.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonElement? Output { get; init; }

    /// <summary>Its durable timers not yet fired.</summary>
    public required IReadOnlyList<PendingTimer> PendingTimers { get; init; }

    /// <summary>How many history entries it has.</summary>
    public required long HistoryLength { get; init; }

    /// <summary>How many bytes of payload its history holds.</summary>
    public required long HistorySize { get; init; }

    /// <summary>Events waiting in its inbox while it is pending or suspended.</summary>
    public required long BufferedEvents { get; init; }

    /// <summary>The error that failed it.</summary>
    public string? Error { get; init; }

    /// <summary>The correlation id of the request that created it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>GET: this status.</summary>
    public required string StatusQueryGetUri { get; init; }

    /// <summary>POST: raises an event; replace <c>{eventName}</c>.</summary>
    public required string SendEventPostUri { get; init; }

    /// <summary>POST: terminates it; replace <c>{text}</c> with the reason.</summary>
    public required string TerminatePostUri { get; init; }

    /// <summary>POST: suspends it.</summary>
    public required string SuspendPostUri { get; init; }

    /// <summary>POST: resumes it.</summary>
    public required string ResumePostUri { get; init; }

    /// <summary>POST: puts it back to Running once it has failed; replace <c>{text}</c> with the reason.</summary>
    public required string RewindPostUri { get; init; }

    /// <summary>POST: rewinds it and applies again the event that failed; replace <c>{text}</c> with the reason.</summary>
    public required string RetryPostUri { get; init; }

    /// <summary>Why its buffered events wait (a newer workflow version wrote it or them).</summary>
    public string? Waiting { get; init; }

    /// <summary>DELETE: purges it once finished.</summary>
    public required string PurgeHistoryDeleteUri { get; init; }

    /// <summary>The URI of an instance's status, for a <c>Location</c> header.</summary>
    public static string StatusUri(HttpRequest request, string instanceId)
    {
        ArgumentNullException.ThrowIfNull(request);
        return $"{request.Scheme}://{request.Host}{request.PathBase}{InstancesApi.Prefix}/{Uri.EscapeDataString(instanceId)}";
    }

    /// <summary>Builds the payload of a status; input and output only when <paramref name="showInput"/>.</summary>
    public static InstanceStatusResponse From(InstanceStatus status, HttpRequest request, bool showInput = false)
    {
        ArgumentNullException.ThrowIfNull(status);
        var root = StatusUri(request, status.InstanceId);
        return new InstanceStatusResponse
        {
            InstanceId = status.InstanceId,
            Name = status.WorkflowType,
            WorkflowVersion = status.WorkflowVersion,
            RuntimeStatus = status.RuntimeStatus,
            CustomStatus = status.CustomStatus,
            CreatedTime = status.CreatedAt,
            LastUpdatedTime = status.LastUpdatedAt,
            Input = showInput ? status.Input : null,
            Output = showInput ? status.Output : null,
            PendingTimers = status.PendingTimers,
            HistoryLength = status.HistoryLength,
            HistorySize = status.HistorySize,
            BufferedEvents = status.BufferedEvents,
            Error = status.Error,
            CorrelationId = status.CorrelationId,
            StatusQueryGetUri = root,
            SendEventPostUri = root + "/events/{eventName}",
            TerminatePostUri = root + "/terminate?reason={text}",
            SuspendPostUri = root + "/suspend?reason={text}",
            ResumePostUri = root + "/resume?reason={text}",
            RewindPostUri = root + "/rewind?reason={text}",
            RetryPostUri = root + "/retry?reason={text}",
            Waiting = status.Waiting,
            PurgeHistoryDeleteUri = root,
        };
    }
}
