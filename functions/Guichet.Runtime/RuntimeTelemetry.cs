using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Guichet.Runtime;

/// <summary>
/// The runtime's traces and metrics (System.Diagnostics, collected by the host's OpenTelemetry as
/// <c>Guichet.*</c>): a span per applied event and per queue message, tagged with the instance and the
/// correlation id, and counters of steps, commit conflicts, fired timers and dead letters.
/// </summary>
public static class RuntimeTelemetry
{
    /// <summary>The activity source and meter name.</summary>
    public const string Name = "Guichet.Runtime";

    /// <summary>The tag carrying the correlation id on spans (the same the host uses).</summary>
    public const string CorrelationTag = "guichet.correlation_id";

    /// <summary>The tag carrying the instance id on spans.</summary>
    public const string InstanceTag = "guichet.instance_id";

    /// <summary>The runtime's activity source.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Events raised on instances, by workflow type and result.</summary>
    public static readonly Counter<long> Events = Meter.CreateCounter<long>("guichet.runtime.events", "{event}", "Events raised on workflow instances, by result.");

    /// <summary>Commits lost to a concurrent step and retried.</summary>
    public static readonly Counter<long> Conflicts = Meter.CreateCounter<long>("guichet.runtime.conflicts", "{commit}", "Step commits retried after another step changed the instance first.");

    /// <summary>Durable timers fired.</summary>
    public static readonly Counter<long> TimersFired = Meter.CreateCounter<long>("guichet.runtime.timers_fired", "{timer}", "Durable timers fired.");

    /// <summary>Queue messages dead-lettered.</summary>
    public static readonly Counter<long> DeadLettered = Meter.CreateCounter<long>("guichet.runtime.dead_lettered", "{message}", "Queue messages moved to a poison queue.");

    /// <summary>Effects given up after their attempts, or refused by storage as they stand; each is recorded in its instance's history.</summary>
    public static readonly Counter<long> EffectsGivenUp = Meter.CreateCounter<long>("guichet.runtime.effects_given_up", "{effect}", "Effects given up and recorded in their instance's history.");

    /// <summary>Starts a span tagged with the instance and correlation id, when anyone listens.</summary>
    public static Activity? Start(string operation, string? instanceId, string? correlationId, ActivityKind kind = ActivityKind.Internal)
    {
        var activity = Source.StartActivity(operation, kind);
        activity?.SetTag(InstanceTag, instanceId);
        activity?.SetTag(CorrelationTag, correlationId);
        return activity;
    }
}
