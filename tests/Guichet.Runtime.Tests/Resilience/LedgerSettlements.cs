using System.Text.Json;
using Guichet.Runtime.CrashHost;
using Guichet.Testing;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>The ledger's settle timers at the end of a run: every timer that came due fired exactly once.</summary>
public static class LedgerSettlements
{
    /// <summary>
    /// Per instance: one TimerFired entry per settlement counted in the state, each timer event id once, the timer
    /// armed by the last credit fired after it, none pending; and the receiver got one settlement message per
    /// firing (copies identical). Returns how many timers fired and how many settlement copies came twice.
    /// </summary>
    public static async Task<(int Fired, int Copies)> AssertFiredOnceAsync(WorkflowRuntime runtime, LedgerScenario scenario, IReadOnlyList<JsonElement> received)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(scenario);
        var expectedMessages = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < scenario.Instances; i++)
        {
            var id = LedgerScenario.InstanceId(i);
            var status = (await runtime.GetStatusAsync(id, withData: true))!;
            var state = status.State!.Value.Deserialize<LedgerState>(WorkflowJson.Options)!;
            var history = (await runtime.GetWholeHistoryAsync(id))!;
            var fired = history.Where(e => e.Kind == HistoryKind.TimerFired).ToList();
            Assert.Equal(state.Settled, fired.Count);
            Assert.Equal(fired.Count, fired.Select(e => e.EventId).Distinct().Count());
            Assert.Empty(status.PendingTimers);
            var lastCredit = history.Last(e => e.Kind == HistoryKind.EventApplied && e.Name == "credit");
            Assert.True(fired.Count > 0 && fired[^1].Sequence > lastCredit.Sequence, $"{id}: the timer armed by its last credit did not fire");
            expectedMessages.UnionWith(fired.Select(e => $"{id}:{e.Sequence}:0"));
        }

        var settlements = received.Where(m => m.TryGetProperty("settlement", out _)).ToList();
        var byId = settlements.GroupBy(m => m.GetProperty("messageId").GetString()!).ToList();
        Assert.All(byId, g => Assert.Single(g.Select(m => m.GetRawText()).Distinct()));
        Assert.Equal(expectedMessages.Order(StringComparer.Ordinal), byId.Select(g => g.Key).Order(StringComparer.Ordinal));
        return (expectedMessages.Count, settlements.Count - byId.Count);
    }
}
