using System.Text.Json;

namespace Guichet.Runtime.Instances;

/// <summary>The status of an instance, as Durable Functions reports it, plus what this runtime adds.</summary>
public sealed record InstanceStatus
{
    /// <summary>The instance's id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The workflow type it runs.</summary>
    public required string WorkflowType { get; init; }

    /// <summary>The workflow version its state is stored in.</summary>
    public required int WorkflowVersion { get; init; }

    /// <summary>Where it stands in the runtime.</summary>
    public required RuntimeStatus RuntimeStatus { get; init; }

    /// <summary>The lifecycle state its decider last reported.</summary>
    public string? CustomStatus { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>Its durable timers not yet fired.</summary>
    public required IReadOnlyList<PendingTimer> PendingTimers { get; init; }

    /// <summary>Events waiting in its inbox while it is pending or suspended.</summary>
    public required long BufferedEvents { get; init; }

    /// <summary>How many history entries it has.</summary>
    public required long HistoryLength { get; init; }

    /// <summary>How many bytes of payload its history holds.</summary>
    public required long HistorySize { get; init; }

    /// <summary>The error that failed it, if it failed.</summary>
    public string? Error { get; init; }

    /// <summary>Why its buffered events wait: it or an event was written by a newer workflow version than the host that met it.</summary>
    public string? Waiting { get; init; }

    /// <summary>The correlation id of the request that created it.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>Its input, when asked for.</summary>
    public JsonElement? Input { get; init; }

    /// <summary>Its output, once completed, when asked for.</summary>
    public JsonElement? Output { get; init; }

    /// <summary>Its current state, when asked for.</summary>
    public JsonElement? State { get; init; }
}
