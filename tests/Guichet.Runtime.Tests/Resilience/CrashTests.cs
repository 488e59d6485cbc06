using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.CrashHost;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using Xunit.Abstractions;

namespace Guichet.Runtime.Tests.Resilience;

/// <summary>On an Azurite of its own: thousands of queue messages leave its queue service a mark-and-sweep that stalls it for seconds, which must not fall on other tests.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Kills = 20;

    /// <summary>The scheduled job runs each minute in Azure; here every few seconds, so that its runs race the hosts' work.</summary>
    private static readonly TimeSpan JobInterval = TimeSpan.FromSeconds(10);

    [Fact(Timeout = 900_000)]
    public async Task TwoRealHostsAndTheScheduledJob_HostsKilledTwentyTimesDuring1000EventsAndTheirTimers_LoseNothing_ApplyNothingTwice_LeaveNothingPending()
    {
        await using var azurite = await Azurite.StartAsync();
        var hub = UniqueNames.Hub();
        var scenario = new LedgerScenario(Instances: 20, Events: 1000, Receiver: UniqueNames.Queue("receiver"));
        await using var h = await RuntimeHarness.CreateAsync(azurite, hub, realTime: true, workflows: [new LedgerWorkflow()]);
        await scenario.StartAllAsync(h.Runtime);

        // The host's own queue, on an Azurite of this test only.
        var queue = h.Runtime.Storage.Queues.GetQueueClient(WorkflowEventsHandler.QueueName);
        await queue.CreateIfNotExistsAsync();

        // The stream comes in one part per kill, so that every kill falls in the middle of the work however long a restart takes.
        var parts = scenario.Stream().Chunk(scenario.Events / Kills).ToList();

        // Two hosts on one hub; one at a time is killed at a random moment and started again, the other lives on; the job runs throughout.
        var hosts = new[] { await CrashHostProcess.StartAsync(azurite, hub), await CrashHostProcess.StartAsync(azurite, hub) };
        await using var job = CrashDueWorkJob.Start(azurite, hub, JobInterval);
        var random = new Random(20261123);
        var killedWithWorkLeft = 0;
        var unfinished = "";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            for (var kill = 0; kill < Kills; kill++)
            {
                await Parallel.ForEachAsync(parts[kill], new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (e, ct) =>
                    await queue.SendMessageAsync(JsonSerializer.Serialize(new { instanceId = e.InstanceId, eventName = "credit", eventId = e.EventId, payload = LedgerScenario.Payload(e.Amount, e.Forward) }), ct));
                var victim = random.Next(hosts.Length);
                var target = Math.Max(0, await BacklogAsync(queue) - random.Next(5, 35));
                await Eventually.HoldsAsync(async () => await BacklogAsync(queue) <= target, "the hosts got on with the stream", TimeSpan.FromSeconds(90));
                await Task.Delay(TimeSpan.FromMilliseconds(random.Next(0, 50)), TimeProvider.System);
                await hosts[victim].KillAsync();
                hosts[victim].Dispose();
                var left = await BacklogAsync(queue);
                killedWithWorkLeft += left > 0 ? 1 : 0;
                var killedAt = clock.Elapsed;
                hosts[victim] = await CrashHostProcess.StartAsync(azurite, hub);
                output.WriteLine($"kill {kill + 1} at {killedAt.TotalSeconds:F0} s: host {victim}, {left} messages left; ready again in {(clock.Elapsed - killedAt).TotalSeconds:F1} s");
            }

            // The last kill leaves one host and the job to finish the rest: the stream, the killed hosts' outboxes and inboxes, the timers.
            await hosts[1].KillAsync();
            await Eventually.HoldsAsync(async () => (unfinished = await UnfinishedAsync(h.Runtime, queue)).Length == 0, "one host and the job finished everything", TimeSpan.FromMinutes(3));
            output.WriteLine($"drained at {clock.Elapsed.TotalSeconds:F0} s");
            await job.StopAsync();
        }
        finally
        {
            output.WriteLine($"the job ran {job.Runs} times (the longest run {job.Longest.TotalSeconds:F1} s), {job.RunsThatSwept} of them finishing marked work, {job.Failures.Count} failing");
            output.WriteLine(job.Failures.Count > 0 ? job.Failures[0] : hosts[0].Output);
            output.WriteLine(unfinished);
            foreach (var host in hosts)
            {
                host.Dispose();
            }
        }

        Assert.True(killedWithWorkLeft >= Kills - 2, $"only {killedWithWorkLeft} kills hit the stream while it ran");
        Assert.True(job.Failures.Count == 0, string.Join(Environment.NewLine, job.Failures));
        Assert.True(job.RunsThatSwept > 0, "the job never raced the hosts on pending work");
        var stale = await AssertNothingPendingAsync(h.Runtime);
        await scenario.AssertConsistentAsync(h.Runtime);
        var received = await scenario.ReceiveAllAsync(h.Runtime.Storage);
        var copies = scenario.AssertCredits(received);
        var (fired, timerCopies) = await LedgerSettlements.AssertFiredOnceAsync(h.Runtime, scenario, received);
        output.WriteLine($"marks of refused steps left to the grace: [{string.Join(", ", stale)}]");
        output.WriteLine($"{scenario.Events} events, {fired} settle timers fired once each; the receiver got {copies} re-delivered credit copies and {timerCopies} settlement copies, each with its message id and content");
    }

    private static async Task<int> BacklogAsync(Azure.Storage.Queues.QueueClient queue) =>
        (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;

    /// <summary>What is left to do, told in a line; empty once messages, marks standing for work, timers, outbox and inbox rows are all gone.</summary>
    private static async Task<string> UnfinishedAsync(WorkflowRuntime runtime, Azure.Storage.Queues.QueueClient queue)
    {
        var (marks, timers) = await WorkIndexRowsAsync(runtime);
        var outboxes = await runtime.Store.InstancesWithRowsAsync(RowKeys.OutboxPrefix, CancellationToken.None);
        var inboxes = await runtime.Store.InstancesWithRowsAsync(RowKeys.InboxPrefix, CancellationToken.None);
        var backlog = await BacklogAsync(queue);
        return backlog == 0 && marks.Pending.Count + timers.Count + outboxes.Count + inboxes.Count == 0 ? ""
            : $"left: {backlog} messages; marks [{string.Join(", ", marks.Pending.Take(5))}]; timers [{string.Join(", ", timers.Take(5))}]; outboxes of [{string.Join(", ", outboxes.Take(5))}]; inboxes of [{string.Join(", ", inboxes.Take(5))}]";
    }

    /// <summary>
    /// No pending-work mark that stands for work left in the work index, and no durable timer: every one came due
    /// within seconds of the credit that armed it, and none that came due was left unfired.
    /// </summary>
    private static async Task<List<string>> AssertNothingPendingAsync(WorkflowRuntime runtime)
    {
        var (marks, timers) = await WorkIndexRowsAsync(runtime);
        Assert.Empty(marks.Pending);
        Assert.Empty(timers);

        // A step refused at its commit (the same event or timer taken by two hosts at once) leaves the mark it wrote before:
        // it vouches for no committed step, and the sweeper drops it once older than MarkGrace, not before.
        Assert.All(marks.Stale, m => Assert.True(runtime.Time.GetUtcNow() - m.WrittenAt < WorkflowRuntime.MarkGrace, $"{m.RowKey} outlived the grace"));
        return [.. marks.Stale.Select(m => m.RowKey)];
    }

    /// <summary>
    /// The rows of the <c>{hub}Work</c> table's partition <c>work</c> read as they are stored, not through the runtime's
    /// reading of them: the marks (<c>m|{instance}|o{step}</c> or <c>…|i{inbox position}</c>), told apart by whether the
    /// instance's row shows the work they stand for (a committed step, a buffered event of a running instance), and the
    /// timers (<c>t|{due ticks}|…</c>), each with its due time.
    /// </summary>
    private static async Task<(MarkRows Marks, List<string> Timers)> WorkIndexRowsAsync(WorkflowRuntime runtime)
    {
        var (marks, timers) = (new MarkRows([], []), new List<string>());
        var work = runtime.Storage.Tables.GetTableClient(runtime.Options.HubName + "Work");
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {"work"}");
        await foreach (var row in work.QueryAsync<TableEntity>(filter, select: ["RowKey", "WrittenAt"]))
        {
            var parts = row.RowKey.Split('|');
            if (parts[0] == "m")
            {
                var record = await runtime.Store.LoadAsync(parts[1], CancellationToken.None);
                var number = long.Parse(parts[2][1..], System.Globalization.CultureInfo.InvariantCulture);
                var standsForWork = record is not null && (parts[2][0] == 'o' ? number <= record.LastSequence : record.RuntimeStatus == Instances.RuntimeStatus.Running && number < record.InboxTail);
                (standsForWork ? marks.Pending : marks.Stale).Add((row.RowKey, row.GetDateTimeOffset("WrittenAt") ?? default));
            }
            else if (parts[0] == "t")
            {
                timers.Add($"{row.RowKey} due at {new DateTimeOffset(long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), TimeSpan.Zero):O}");
            }
        }

        return (marks, timers);
    }

    private sealed record MarkRows(List<(string RowKey, DateTimeOffset WrittenAt)> Pending, List<(string RowKey, DateTimeOffset WrittenAt)> Stale);
}
