using System.Text.Json;
using Guichet.Runtime;
using Guichet.Runtime.CrashHost;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: CrashHost <connection string> <hub> <input queue> [--until-idle]
// Applies every message of the input queue as an event, deleting each message only after its event was
// applied: a kill at any point leaves the message to come back, and its event id makes the re-delivery harmless.
var (connection, hub, input) = (args[0], args[1], args[2]);
var untilIdle = args.Contains("--until-idle");
var clients = StorageClients.FromConnectionString(connection);
var runtime = new WorkflowRuntime(clients, new WorkflowRegistry([new LedgerWorkflow()]), new RuntimeOptions { HubName = hub, HistoryKey = TestKeys.History }, TimeProvider.System, NullLogger<WorkflowRuntime>.Instance);
await runtime.InitializeAsync();
await runtime.SweepOutboxAsync();
var queue = clients.Queues.GetQueueClient(input);
Console.WriteLine("ready");

while (true)
{
    var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(2))).Value;
    if (messages.Length == 0)
    {
        if (untilIdle)
        {
            await runtime.SweepOutboxAsync();
            return 0;
        }

        await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        continue;
    }

    await Parallel.ForEachAsync(messages, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (message, ct) =>
    {
        var body = JsonDocument.Parse(message.MessageText).RootElement;
        await runtime.RaiseEventAsync(body.GetProperty("instanceId").GetString()!, "credit", body.GetProperty("payload"), body.GetProperty("eventId").GetString()!, cancellationToken: ct);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
    });
}
