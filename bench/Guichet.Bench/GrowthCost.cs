using System.Globalization;
using Azure.Data.Tables;
using Guichet.Deciders;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Periodic and listing costs against history: the storage requests of one sweep, one run of the scheduled job
/// and one page of the instance list (no filter, by status, by type, by prefix, by creation time, and by prefix or
/// time with a status), on a store holding a few instances, then again after 500,000 history rows were written raw,
/// shaped like the runtime's own rows (5,000 ended instances created a year earlier, each with 100 history rows, its
/// state row, 10 processed-event rows, its two list rows and its two key rows).
/// </summary>
internal static class GrowthCost
{
    private const int SeededInstances = 5_000; // 500,000 history rows: about 27 minutes of seeding on Azurite
    private const int HistoryRows = 100;
    private const int EventRows = 10;
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset SeededCreation = Now.AddYears(-1);

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
            ("instance list page, by id prefix", () => runtime.QueryInstancesAsync(new InstanceQuery(InstanceIdPrefix: "d-"))),
            ("instance list page, by creation time", () => runtime.QueryInstancesAsync(new InstanceQuery(CreatedFrom: Now.AddDays(-1), CreatedTo: Now.AddDays(1)))),
            ("instance list page, prefix + status", () => runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], InstanceIdPrefix: "d-"))),
            ("instance list page, time + status", () => runtime.QueryInstancesAsync(new InstanceQuery([RuntimeStatus.Running], CreatedFrom: Now.AddDays(-1)))),
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

    /// <summary>Writes the rows of ended instances in transactions of up to 100 rows of one partition, many at once; returns how many rows.</summary>
    private static async Task<long> SeedAsync(Azurite azurite, WorkflowRuntime template)
    {
        // Azurite answers slowly while it holds many rows: long timeouts, and fewer transactions at once.
        var tables = new TableServiceClient(azurite.ConnectionString, new TableClientOptions { Retry = { NetworkTimeout = TimeSpan.FromMinutes(10), MaxRetries = 10 } });
        var instances = tables.GetTableClient(template.Store.Table.Name);
        var index = tables.GetTableClient(template.ReadModel("InstanceIndex").TableName);
        var state = (await instances.GetEntityAsync<TableEntity>("d-1", RowKeys.State)).Value;
        var history = (await instances.GetEntityAsync<TableEntity>("d-1", RowKeys.History(1))).Value;
        var listed = (await index.GetEntityAsync<TableEntity>("dossier", "d-1")).Value;
        long rows = 0;
        await Parallel.ForAsync(0, SeededInstances, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
        {
            var id = $"old-{i:D5}";
            var entries = Enumerable.Range(1, HistoryRows).Select(n => new TableEntity(history) { PartitionKey = id, RowKey = RowKeys.History(n), ["Sequence"] = (long)n });
            await instances.SubmitTransactionAsync(entries.Select(Add), ct);
            var ended = new TableEntity(state) { PartitionKey = id, ["RuntimeStatus"] = nameof(RuntimeStatus.Completed), ["LastSequence"] = (long)HistoryRows };
            var events = Enumerable.Range(0, EventRows).Select(n => new TableEntity(id, RowKeys.Event($"event-{n}")) { ["EventId"] = $"event-{n}" });
            await instances.SubmitTransactionAsync(events.Prepend(ended).Select(Add), ct);
            Interlocked.Add(ref rows, HistoryRows + EventRows + 1);
        });

        // Their rows of the instance list, as the runtime projects them: by type, by status (partition "Completed"), and
        // their key rows (created a year earlier, in partition "created"; by id, in partition "id").
        var byStatus = tables.GetTableClient(template.ReadModel("InstanceByStatus").TableName);
        var statusRow = (await byStatus.GetEntityAsync<TableEntity>(nameof(RuntimeStatus.Running), "dossier|d-1")).Value;
        var keys = tables.GetTableClient(template.ReadModel("InstanceKeys").TableName);
        var idKey = (await keys.GetEntityAsync<TableEntity>("id", "d-1")).Value;
        foreach (var chunk in Enumerable.Range(0, SeededInstances).Chunk(100))
        {
            var batch = chunk.Select(i => new TableEntity(listed) { RowKey = $"old-{i:D5}", ["runtimeStatus"] = nameof(RuntimeStatus.Completed), ["createdAt"] = Created(i) });
            await index.SubmitTransactionAsync(batch.Select(Add));
            var statuses = chunk.Select(i => new TableEntity(statusRow) { PartitionKey = nameof(RuntimeStatus.Completed), RowKey = $"dossier|old-{i:D5}", ["runtimeStatus"] = nameof(RuntimeStatus.Completed), ["createdAt"] = Created(i) });
            await byStatus.SubmitTransactionAsync(statuses.Select(Add));
            var created = chunk.Select(i => new TableEntity(idKey) { PartitionKey = "created", RowKey = $"{Created(i):D19}|old-{i:D5}", ["instanceId"] = $"old-{i:D5}" });
            await keys.SubmitTransactionAsync(created.Select(Add));
            var ids = chunk.Select(i => new TableEntity(idKey) { RowKey = $"old-{i:D5}", ["instanceId"] = $"old-{i:D5}" });
            await keys.SubmitTransactionAsync(ids.Select(Add));
            rows += 4 * chunk.Length;
        }

        return rows;
    }

    private static long Created(int seeded) => SeededCreation.AddMinutes(seeded).UtcTicks;

    // Upserts: a transaction the SDK retried after a slow answer must not fail as a duplicate.
    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.UpsertReplace, entity);

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
