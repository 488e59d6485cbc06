using System.Globalization;
using Azure.Data.Tables;
using Guichet.Deciders;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using Guichet.Testing.AzureRules;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Periodic and listing costs against history: the storage requests of one sweep, one run of the scheduled job
/// and one page of the instance list (no filter, by status, by type, by prefix, by creation time, and by prefix or
/// time with a status), on a store holding a few instances, then again after 500,000 history rows were written raw,
/// shaped like the runtime's own rows (1,000 ended instances created a year earlier, each with 500 history rows, its
/// state row, 10 processed-event rows, its two list rows and its two key rows). The pages by prefix or creation time
/// read the key list: they ask for <see cref="KeyedPage"/> instances, which the few fresh ones fill in the empty store
/// and the seeded ones (ids under the same prefix, sorted among the fresh ones; created within the window) in the seeded
/// one, so both measure a full page of keys read, and with a status the seeded keys read are all filtered out.
/// </summary>
internal static class GrowthCost
{
    // 500,000 history rows. Azurite finds a row by its row key first, then scans the rows sharing it (one per instance):
    // fewer, longer histories seed much faster than many short ones, for the same rows.
    private const int SeededInstances = 1_000;
    private const int HistoryRows = 500;
    private const int EventRows = 10;
    private const int BatchRows = 100; // the most operations Azure takes in one transaction
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SeededCreation = Now.AddYears(-1);
    private const int KeyedPage = 5;

    public static async Task<string> RunAsync(Azurite azurite)
    {
        var counter = new RequestCounter();
        var clock = new FakeTimeProvider(Now);
        var runtime = await BenchRuntime.CreateAsync(azurite, "BenchGrowth", clock, counter, new ListedWorkflow("dossier"), new ListedWorkflow("vacancy"));
        for (var i = 0; i < 5; i++)
        {
            await runtime.StartAsync("dossier", $"d-{i}");
            await runtime.StartAsync("vacancy", $"v-{i}");
        }

        await runtime.TerminateAsync("d-0", "bench");
        var job = new DueWorkRunner([], runtime, NullLogger<DueWorkRunner>.Instance);
        var empty = await MeasureAsync(runtime, job, counter);
        var started = TimeProvider.System.GetTimestamp();
        var rows = await SeedAsync(azurite, runtime);
        var seeding = TimeProvider.System.GetElapsedTime(started);
        var seeded = await MeasureAsync(runtime, job, counter);

        var lines = empty.Zip(seeded, (e, s) => string.Create(CultureInfo.InvariantCulture, $"  {e.Name,-36}: {e.Requests,8} {s.Requests,10} {(double)s.Requests / e.Requests,9:F2}"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            Costs against history (storage requests of one call; empty store vs. {rows:N0} rows seeded raw in {seeding.TotalSeconds:F0} s)
              {"",-36}    empty     seeded     ratio   (target 1.00)
            {string.Join(Environment.NewLine, lines)}

            """);
    }

    private static async Task<List<(string Name, long Requests)>> MeasureAsync(WorkflowRuntime runtime, DueWorkRunner job, RequestCounter counter)
    {
        var measures = new (string Name, Func<Task> Call)[]
        {
            ("sweep of pending work", () => runtime.SweepOutboxAsync()),
            ("scheduled job run (nothing due)", () => job.RunDueOnceAsync()),
            ("instance list page, no filter", () => runtime.QueryInstancesAsync(new InstanceQuery())),
            ("instance list page, by status", () => runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Completed]))),
            ("instance list page, by type", () => runtime.QueryInstancesAsync(new InstanceQuery(WorkflowType: "vacancy"))),
            ("list page of 5, by id prefix", () => runtime.QueryInstancesAsync(new InstanceQuery(InstanceIdPrefix: "d-"), pageSize: KeyedPage)),
            ("list page of 5, by creation time", () => runtime.QueryInstancesAsync(new InstanceQuery(CreatedFrom: SeededCreation, CreatedTo: Now.AddDays(1)), pageSize: KeyedPage)),
            ("list page of 5, prefix + status", () => runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], InstanceIdPrefix: "d-"), pageSize: KeyedPage)),
            ("list page of 5, time + status", () => runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], CreatedFrom: SeededCreation), pageSize: KeyedPage)),
        };
        var results = new List<(string, long)>();
        foreach (var (name, call) in measures)
        {
            var before = counter.Count;
            await call();
            results.Add((name, counter.Count - before));
        }

        return results;
    }

    /// <summary>
    /// Writes the rows of ended instances directly, never through steps: per instance, its history in transactions of
    /// 100 rows of its partition, then its state and processed-event rows in one more; many instances at once; every
    /// request behind the Azure rules. Returns how many rows.
    /// </summary>
    private static async Task<long> SeedAsync(Azurite azurite, WorkflowRuntime template)
    {
        // Azurite answers slowly while it holds many rows: long timeouts, and a retried transaction that had landed is fine.
        var options = new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(10), MaxRetries = 10 } };
        options.Transport = AzureStorageRules.ForTables(options.Transport);
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        var instances = tables.GetTableClient(template.Store.Table.Name);
        var index = tables.GetTableClient(template.ReadModel("InstanceIndex").TableName);
        var state = (await instances.GetEntityAsync<TableEntity>("d-1", RowKeys.State)).Value;
        var history = (await instances.GetEntityAsync<TableEntity>("d-1", RowKeys.History(1))).Value;
        var listed = (await index.GetEntityAsync<TableEntity>("dossier", "d-1")).Value;
        long rows = 0;
        await Parallel.ForAsync(0, SeededInstances, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var id = Seeded(i);
            foreach (var chunk in Enumerable.Range(1, HistoryRows).Chunk(BatchRows))
            {
                await InsertAsync(instances, chunk.Select(n => new TableEntity(history) { PartitionKey = id, RowKey = RowKeys.History(n), ["Sequence"] = (long)n }), ct);
            }

            var ended = new TableEntity(state) { PartitionKey = id, ["RuntimeStatus"] = nameof(RuntimeStatus.Completed), ["LastSequence"] = (long)HistoryRows };
            var events = Enumerable.Range(0, EventRows).Select(n => new TableEntity(id, RowKeys.Event($"event-{n}")) { ["EventId"] = $"event-{n}" });
            await InsertAsync(instances, events.Prepend(ended), ct);
            Interlocked.Add(ref rows, HistoryRows + EventRows + 1);
        });

        // Their rows of the instance list, as the runtime projects them: by type, by status (partition "Completed"), and
        // their key rows (created a year earlier, in partition "created"; by id, in partition "id").
        var byStatus = tables.GetTableClient(template.ReadModel("InstanceByStatus").TableName);
        var statusRow = (await byStatus.GetEntityAsync<TableEntity>(nameof(RuntimeStatus.Running), "dossier|d-1")).Value;
        var keys = tables.GetTableClient(template.ReadModel("InstanceKeys").TableName);
        var idKey = (await keys.GetEntityAsync<TableEntity>("id", "d-1")).Value;
        await Parallel.ForEachAsync(Enumerable.Range(0, SeededInstances).Chunk(BatchRows), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (chunk, ct) =>
        {
            await InsertAsync(index, chunk.Select(i => new TableEntity(listed) { RowKey = Seeded(i), ["runtimeStatus"] = nameof(RuntimeStatus.Completed), ["createdAt"] = Created(i) }), ct);
            await InsertAsync(byStatus, chunk.Select(i => new TableEntity(statusRow) { PartitionKey = nameof(RuntimeStatus.Completed), RowKey = $"dossier|{Seeded(i)}", ["runtimeStatus"] = nameof(RuntimeStatus.Completed), ["createdAt"] = Created(i) }), ct);
            await InsertAsync(keys, chunk.Select(i => new TableEntity(idKey) { PartitionKey = "created", RowKey = $"{Created(i):D19}|{Seeded(i)}", ["instanceId"] = Seeded(i) }), ct);
            await InsertAsync(keys, chunk.Select(i => new TableEntity(idKey) { RowKey = Seeded(i), ["instanceId"] = Seeded(i) }), ct);
            Interlocked.Add(ref rows, 4 * chunk.Length);
        });

        return rows;
    }

    /// <summary>
    /// One transaction of inserts (Azurite looks a row up once for an insert, twice for an upsert); a transaction the SDK
    /// sent again after a slow answer finds its rows there, which is fine.
    /// </summary>
    private static async Task InsertAsync(TableClient table, IEnumerable<TableEntity> rows, CancellationToken ct)
    {
        try
        {
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409)
        {
        }
    }

    /// <summary>Under the fresh dossiers' prefix "d-", sorted between "d-0" and "d-1": a page by prefix reaches them.</summary>
    private static string Seeded(int i) => $"d-0-old-{i:D5}";

    private static long Created(int seeded) => SeededCreation.AddMinutes(seeded).UtcTicks;

    private sealed class ListedWorkflow(string type) : Decider<Nothing, int, Nothing>
    {
        public override string Type => type;

        public override EventCatalog<Nothing> Events { get; } = new EventCatalog<Nothing>().Add<Nothing>("nothing");

        public override Decision<int> Start(Nothing input, EventContext context) => 0;

        public override Decision<int> Decide(int state, Nothing happened, EventContext context) => state;

        public override string StatusOf(int state) => "Open";
    }

    private sealed record Nothing;
}
