using System.Text;
using System.Text.Json;
using Guichet.Runtime.CrashHost;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>
/// A deterministic stream of "credit" events over ledger instances, a quarter of them forwarded to another
/// ledger, and the checks that hold at the end whatever crashed or raced on the way.
/// </summary>
public sealed record LedgerScenario(int Instances, int Events, string Receiver)
{
    public static string InstanceId(int i) => $"ledger-{i:D3}";

    public IEnumerable<(string InstanceId, string EventId, int Amount, string? Forward)> Stream() =>
        Enumerable.Range(0, Events).Select(i =>
        {
            var target = i % Instances;
            var forward = i % 4 == 0 ? InstanceId((target + 1) % Instances) : null;
            return (InstanceId(target), $"evt-{i:D5}", i % 97 + 1, forward);
        });

    public static JsonElement Payload(int amount, string? forward) =>
        JsonSerializer.SerializeToElement(new { amount, forward }, WorkflowJson.Options);

    public async Task StartAllAsync(WorkflowRuntime runtime)
    {
        for (var i = 0; i < Instances; i++)
        {
            await runtime.StartAsync(LedgerWorkflow.TypeName, InstanceId(i), JsonSerializer.SerializeToElement(new { receiver = Receiver }));
        }
    }

    /// <summary>The final state of every ledger, in a form that compares across runs.</summary>
    public async Task<Dictionary<string, LedgerState>> StatesAsync(WorkflowRuntime runtime)
    {
        var states = new Dictionary<string, LedgerState>();
        for (var i = 0; i < Instances; i++)
        {
            var status = await runtime.GetStatusAsync(InstanceId(i), withData: true);
            states[InstanceId(i)] = status!.State!.Value.Deserialize<LedgerState>(WorkflowJson.Options)!;
        }

        return states;
    }

    /// <summary>
    /// Every event applied exactly once, every forward received once, every history intact and folding to
    /// its state, and nothing left half-done (no outbox or inbox row).
    /// </summary>
    public async Task AssertConsistentAsync(WorkflowRuntime runtime)
    {
        var expected = Stream().ToList();
        var states = await StatesAsync(runtime);
        for (var i = 0; i < Instances; i++)
        {
            var id = InstanceId(i);
            var mine = expected.Where(e => e.InstanceId == id).ToList();
            var forwardedToMe = expected.Where(e => e.Forward == id).ToList();
            Assert.Equal(mine.Count, states[id].Count);
            Assert.Equal(mine.Sum(e => (long)e.Amount), states[id].Total);
            Assert.Equal(forwardedToMe.Count, states[id].ForwardCount);
            Assert.Equal(forwardedToMe.Sum(e => (long)e.Amount), states[id].Received);

            var history = (await runtime.GetWholeHistoryAsync(id))!;
            var applied = history.Where(e => e.Kind == HistoryKind.EventApplied).ToList();
            Assert.Equal(mine.Count + forwardedToMe.Count, applied.Count);
            Assert.Equal(applied.Count, applied.Select(e => e.EventId).Distinct().Count());
            var folded = applied.Where(e => e.Name == "credit").Sum(e => (long)e.Payload!.Value.GetProperty("amount").GetInt32());
            Assert.Equal(states[id].Total, folded);
            Assert.True((await runtime.VerifyHistoryAsync(id))!.IsIntact);
        }

        var outbox = runtime.Store.InstancesWithRowsAsync(RowKeys.OutboxPrefix, CancellationToken.None);
        var inbox = runtime.Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, CancellationToken.None);
        Assert.Empty(await outbox);
        Assert.Empty(await inbox);
    }

    /// <summary>Every message the receiver got, copies included, taken off its queue.</summary>
    public async Task<List<JsonElement>> ReceiveAllAsync(StorageClients clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        var queue = clients.Queues.GetQueueClient(Receiver);
        var received = new List<JsonElement>();
        while (true)
        {
            var batch = (await queue.ReceiveMessagesAsync(32)).Value;
            if (batch.Length == 0)
            {
                return received;
            }

            foreach (var message in batch)
            {
                received.Add(JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(message.MessageText))).RootElement.Clone());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }

    /// <summary>
    /// Reads every message the receiver got: each expected effect of a credit is there, and copies of one (a
    /// re-delivery after a crash) carry the same message id and the same content, so a receiver that keeps ids
    /// drops them. Returns how many copies there were.
    /// </summary>
    public async Task<int> AssertReceiverAsync(StorageClients clients) => AssertCredits(await ReceiveAllAsync(clients));

    /// <summary>The credits' messages among <paramref name="received"/>: each once, copies identical; returns how many copies.</summary>
    public int AssertCredits(IReadOnlyList<JsonElement> received)
    {
        var credits = received.Where(m => m.TryGetProperty("eventId", out _)).ToList();
        var byId = credits.GroupBy(m => m.GetProperty("messageId").GetString()!).ToList();
        Assert.All(byId, g => Assert.Single(g.Select(m => m.GetRawText()).Distinct()));
        var effects = byId.Select(g => g.First().GetProperty("eventId").GetString()!).Order().ToList();
        Assert.Equal(Stream().Select(e => e.EventId).Order(), effects);
        return credits.Count - byId.Count;
    }
}
