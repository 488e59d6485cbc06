using System.Text.Json;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>
/// What one <see cref="ChainWorkflow"/> instance goes through, round by round; between rounds the shared clock
/// moves on and the due timers fire. It suspends in round 1 and resumes in round 2, so that events and a timer
/// wait in its inbox, and it arms, replaces and cancels timers on the way: its final log shows any reordering.
/// </summary>
public static class OrderedScript
{
    /// <summary>How far the clock moves after each round.</summary>
    public static readonly IReadOnlyList<TimeSpan> Advances = [.. new[] { 3, 5, 4, 2, 60 }.Select(s => TimeSpan.FromSeconds(s))];

    /// <summary>The acts of instance <paramref name="instance"/> in round <paramref name="round"/>, in order.</summary>
    public static IReadOnlyList<Act> Round(int instance, int round)
    {
        var shift = instance % 3;
        IReadOnlyList<Act> acts = round switch
        {
            0 => [Append(), Arm("tick-a", 2 + shift % 2), Append(), Arm("tick-b", 7)],
            1 => [Append(), Act.Suspend, Append(), Arm("tick-c", 4 + shift)],
            2 => [Append(), Disarm(shift == 0 ? "tick-c" : "tick-b"), Arm("tick-a", 3), Act.Resume, Append()],
            3 => [Append(), Arm("tick-b", 1), Append(), Arm("tick-b", 1 + shift)],
            _ => [Append(), Append()],
        };
        return [.. acts.Select((act, n) => act with { EventId = $"r{round}-{n}" })];
    }

    private static Act Append() => new("append", JsonSerializer.SerializeToElement(new { }));

    private static Act Arm(string timer, int seconds) => new("arm", JsonSerializer.SerializeToElement(new Arm(timer, seconds), WorkflowJson.Options));

    private static Act Disarm(string timer) => new("disarm", JsonSerializer.SerializeToElement(new Disarm(timer), WorkflowJson.Options));

    /// <summary>An event to raise, or an operator's suspend or resume.</summary>
    public sealed record Act(string Name, JsonElement? Payload, string EventId = "")
    {
        public static readonly Act Suspend = new("suspend", null);

        public static readonly Act Resume = new("resume", null);

        /// <summary>Carries the act out on <paramref name="runtime"/>.</summary>
        public Task ApplyAsync(WorkflowRuntime runtime, string instanceId) => Name switch
        {
            "suspend" => runtime.SuspendAsync(instanceId),
            "resume" => runtime.ResumeAsync(instanceId),
            _ => runtime.RaiseEventAsync(instanceId, Name, Payload, EventId),
        };
    }
}
