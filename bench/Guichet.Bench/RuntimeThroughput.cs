using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime;
using Guichet.Deciders;
using Guichet.Testing;

namespace Guichet.Bench;

/// <summary>
/// Events applied per second by the runtime, next to what Azurite allows for the storage operations one
/// event needs (read the state row; one transaction that replaces it and adds the history and event-id rows),
/// done directly with the SDK, with the same entity sizes and concurrency, in alternating rounds.
/// </summary>
internal static class RuntimeThroughput
{
    private const int Instances = 64;

    public static async Task<string> RunAsync(Azurite azurite, int events, int concurrency, int rounds)
    {
        var counter = new RequestCounter();
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchRuntime", TimeProvider.System, counter, new CounterWorkflow());
        for (var i = 0; i < Instances; i++)
        {
            await runtime.StartAsync(CounterWorkflow.TypeName, $"i-{i}");
        }

        var raw = azurite.Clients().Tables.GetTableClient("BenchRaw");
        await raw.CreateIfNotExistsAsync();
        var history = await SeedRawAsync(raw, runtime);
        var payload = JsonSerializer.SerializeToElement(new { amount = 1 });

        var (runtimeRates, rawRates) = (new List<double>(), new List<double>());
        long operations = 0;
        for (var round = 0; round < rounds; round++)
        {
            var before = counter.Count;
            var offset = round * events;
            runtimeRates.Add(await Measure.RateAsync(events, concurrency, i =>
                runtime.RaiseEventAsync($"i-{i % Instances}", "add", payload, $"r{offset + i}")));
            operations += counter.Count - before;
            rawRates.Add(await Measure.RateAsync(events, concurrency, i => RawEventAsync(raw, history, i % Instances, offset + i)));
        }

        var (r, s) = (Measure.Median(runtimeRates), Measure.Median(rawRates));
        return string.Create(CultureInfo.InvariantCulture, $"""
            Runtime throughput ({events} events x {rounds} rounds, {concurrency} concurrent, {Instances} instances, Azurite)
              runtime, events applied/s            : {r,8:F0}
              raw SDK, same storage operations/s   : {s,8:F0}
              ratio runtime / raw                  : {r / s,8:P0}   (target >= 70 %)
              storage operations per event         : {(double)operations / (events * rounds),8:F2}

            """);
    }

    /// <summary>
    /// One event's storage work done by hand: a point read of the state row, then one entity group transaction
    /// replacing it and adding an event-id row and a history row copied from the runtime's own (same sizes).
    /// </summary>
    private static async Task RawEventAsync(TableClient table, TableEntity history, int instance, int n)
    {
        var partition = $"i-{instance}";
        var state = (await table.GetEntityAsync<TableEntity>(partition, "state")).Value;
        state["LastSequence"] = (state.GetInt64("LastSequence") ?? 0) + 1;
        var entry = new TableEntity(history) { PartitionKey = partition, RowKey = $"h|{n:D12}" };
        var actions = new List<TableTransactionAction>
        {
            new(TableTransactionActionType.UpdateReplace, state, state.ETag),
            new(TableTransactionActionType.Add, new TableEntity(partition, $"e|{n:D12}") { ["EventId"] = $"r{n}" }),
            new(TableTransactionActionType.Add, entry),
        };
        try
        {
            await table.SubmitTransactionAsync(actions);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 412)
        {
            // Same contention the runtime meets; it retries, and so does this baseline.
            await RawEventAsync(table, history, instance, n + 1_000_000_000);
        }
    }

    /// <summary>Copies the runtime's state rows and one of its history rows, so both sides move the same bytes.</summary>
    private static async Task<TableEntity> SeedRawAsync(TableClient raw, WorkflowRuntime runtime)
    {
        for (var i = 0; i < Instances; i++)
        {
            var state = (await runtime.Store.Table.GetEntityAsync<TableEntity>($"i-{i}", "state")).Value;
            await raw.UpsertEntityAsync(new TableEntity(state));
        }

        await runtime.RaiseEventAsync("i-0", "add", JsonSerializer.SerializeToElement(new { amount = 1 }), "template");
        return (await runtime.Store.Table.GetEntityAsync<TableEntity>("i-0", "h|0000000002")).Value;
    }

    private sealed class CounterWorkflow : Decider<CounterStart, int, Added>
    {
        public const string TypeName = "counter";

        public override string Type => TypeName;

        public override EventCatalog<Added> Events { get; } = new EventCatalog<Added>().Add<Added>("add");

        public override Decision<int> Start(CounterStart input, EventContext context) => 0;

        public override Decision<int> Decide(int state, Added happened, EventContext context) => state + happened.Amount;

        public override string StatusOf(int state) => "Open";
    }

    private sealed record CounterStart;

    private sealed record Added(int Amount);
}
