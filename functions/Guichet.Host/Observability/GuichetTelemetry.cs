using System.Diagnostics.Metrics;

namespace Guichet.Host.Observability;

/// <summary>The host's meter and span tags, and the source and meter names OpenTelemetry listens to.</summary>
public static class GuichetTelemetry
{
    /// <summary>Sources and meters whose names start with this are collected (the host's, the runtime's when it has one).</summary>
    public const string Prefix = "Guichet.";

    /// <summary>The host's meter name.</summary>
    public const string Name = "Guichet.Host";

    /// <summary>The tag that carries the correlation id on spans.</summary>
    public const string CorrelationTag = Runtime.RuntimeTelemetry.CorrelationTag;

    /// <summary>The tag that carries the workflow instance id on spans.</summary>
    public const string InstanceTag = Runtime.RuntimeTelemetry.InstanceTag;

    /// <summary>The host's meter.</summary>
    public static readonly Meter Meter = new(Name);

    /// <summary>Operations on instances through the API, by operation and outcome.</summary>
    public static readonly Counter<long> InstanceOperations =
        Meter.CreateCounter<long>("guichet.instances.operations", "{operation}", "Operations on workflow instances through the management API.");

    /// <summary>Counts one operation on an instance.</summary>
    public static void CountOperation(string operation, string outcome) =>
        InstanceOperations.Add(1, new KeyValuePair<string, object?>("operation", operation), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Intake messages by outcome (created, merged, updated, rejected: invariant 8) and device (absent when unreadable).</summary>
    public static readonly Counter<long> IntakeOutcomes =
        Meter.CreateCounter<long>("guichet.intake.outcomes", "{message}", "Intake messages handled, by outcome and device.");

    /// <summary>Counts one intake message's outcome.</summary>
    public static void CountIntake(string outcome, string? device) =>
        IntakeOutcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("device", device ?? "unknown"));
}
