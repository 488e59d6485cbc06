using Guichet.Runtime.Instances;
using Guichet.Runtime.Outbox;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>Pending-work marks: written before a commit that leaves work, gone once it is done; the sweep and the job read nothing else.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class PendingWorkTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 30_000)]
    public async Task Marks_AreGone_AfterStepsWithEffects_AndAfterADrainedInbox()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "busy", Json(new { queue = UniqueNames.Queue("marks") }));
        await h.Runtime.RaiseEventAsync("busy", "add", Json(new { amount = 1 }), "a1");
        await h.Runtime.RaiseEventAsync("busy", "schedule", Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(1) }), "s1");
        var afterSteps = await MarksAsync(h);

        await h.Runtime.SuspendAsync("busy");
        await h.Runtime.RaiseEventAsync("busy", "add", Json(new { amount = 2 }), "a2");
        await h.Runtime.RaiseEventAsync("busy", "add", Json(new { amount = 3 }), "a3");
        await h.Runtime.ResumeAsync("busy");

        Assert.Empty(afterSteps);
        Assert.Empty(await MarksAsync(h));
        var status = await h.Runtime.GetStatusAsync("busy", withData: true);
        Assert.Equal(6, status!.State!.Value.GetProperty("total").GetInt32());
        Assert.Equal(0, status.BufferedEvents);
    }

    [Fact(Timeout = 60_000)]
    public async Task Sweep_AndTheJobsIdleRun_ReadOnlyMarks_WhateverTheInstancesHold()
    {
        var counter = new RequestCounter();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(counter));
        var job = new DueWorkRunner([], h.Runtime, NullLogger<DueWorkRunner>.Instance);
        var (emptySweep, emptyJob) = (await CountAsync(counter, () => h.Runtime.SweepOutboxAsync()), await CountAsync(counter, () => job.RunDueOnceAsync()));

        var queue = UniqueNames.Queue("sweep");
        await Parallel.ForAsync(0, 40, async (i, ct) =>
        {
            await h.Runtime.StartAsync(TypeName, $"done-{i}", Json(new { queue }), cancellationToken: ct);
            for (var e = 0; e < 5; e++)
            {
                await h.Runtime.RaiseEventAsync($"done-{i}", "add", Json(new { amount = e }), $"a{e}", cancellationToken: ct);
            }

            await h.Runtime.RaiseEventAsync($"done-{i}", "finish", null, "f", cancellationToken: ct);
        });
        var (fullSweep, fullJob) = (await CountAsync(counter, () => h.Runtime.SweepOutboxAsync()), await CountAsync(counter, () => job.RunDueOnceAsync()));

        Assert.Equal(1, emptySweep);
        Assert.Equal(1, emptyJob);
        Assert.Equal(emptySweep, fullSweep);
        Assert.Equal(emptyJob, fullJob);
    }

    [Fact(Timeout = 30_000)]
    public async Task MarkOfAStepThatNeverCommitted_IsDroppedOnceOlderThanTheGrace()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "lost");
        await h.Runtime.Store.Marks.MarkAsync(PendingMarks.OutboxKey("lost", 7), "lost", h.FakeClock.GetUtcNow(), null, CancellationToken.None);
        await h.Runtime.Store.Marks.MarkAsync(PendingMarks.OutboxKey("never-created", 1), "never-created", h.FakeClock.GetUtcNow(), null, CancellationToken.None);

        await h.Runtime.SweepOutboxAsync();
        var young = await MarksAsync(h);
        h.FakeClock.Advance(WorkflowRuntime.MarkGrace + TimeSpan.FromSeconds(1));
        await h.Runtime.SweepOutboxAsync();

        Assert.Equal(2, young.Count);
        Assert.Empty(await MarksAsync(h));
        Assert.Equal(RuntimeStatus.Running, (await h.Runtime.GetStatusAsync("lost"))!.RuntimeStatus);
    }

    [Fact(Timeout = 30_000)]
    public async Task MarkOfADuplicateThatLostItsCommit_IsDroppedAtTheNextSweep()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "twice");
        var schedule = Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(1) });
        await h.Runtime.RaiseEventAsync("twice", "schedule", schedule, "s1");

        // The same event delivered again (a second host, a queue's redelivery): planned with its effects, marked, and
        // refused at its commit as a duplicate: its mark stands for a step that can never commit.
        var again = await h.Runtime.RaiseEventAsync("twice", "schedule", schedule, "s1");
        var lost = Assert.Single(await MarksAsync(h));
        await h.Runtime.SweepOutboxAsync();

        Assert.Equal(RaiseResult.Duplicate, again.Result);
        Assert.Equal(["s1"], lost.Attempts);
        Assert.Empty(await MarksAsync(h));
        Assert.False(await h.Runtime.HasWorkDueAsync());
    }

    [Fact(Timeout = 30_000)]
    public async Task MarkSharedWithAnAttemptStillLanding_IsKept_AndServesThatStep()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "shared");
        var schedule = Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(1) });
        await h.Runtime.RaiseEventAsync("shared", "schedule", schedule, "s1");
        await h.Runtime.RaiseEventAsync("shared", "schedule", schedule, "s1");
        var lost = Assert.Single(await MarksAsync(h));

        // Another host, racing for the same step with a new event, wrote the same key before committing: its attempt is
        // added to the mark, which the sweep must keep, since that commit may still land.
        await h.Runtime.Store.Marks.MarkAsync(lost.RowKey, "shared", h.FakeClock.GetUtcNow(), "s2", CancellationToken.None);
        await h.Runtime.SweepOutboxAsync();
        var kept = Assert.Single(await MarksAsync(h));

        // That step commits; its carry-out drops the mark.
        await h.Runtime.RaiseEventAsync("shared", "schedule", Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(2) }), "s2");

        Assert.Equal(["s1", "s2"], kept.Attempts.Order(StringComparer.Ordinal));
        Assert.Equal(lost.RowKey, kept.RowKey);
        Assert.Empty(await MarksAsync(h));
        Assert.Equal(RuntimeHarness.Epoch.AddDays(2), Assert.Single((await h.Runtime.GetStatusAsync("shared"))!.PendingTimers).DueAt);
    }

    [Fact(Timeout = 30_000)]
    public async Task MarkWithNoRoomForAnotherAttempt_IsStillWritten_AndTheSweepWaitsForItsGrace()
    {
        var full = new FullMarkRow();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(full));
        await h.Runtime.StartAsync(TypeName, "crowded");
        var schedule = Json(new { name = "t", dueAt = RuntimeHarness.Epoch.AddDays(1) });
        await h.Runtime.RaiseEventAsync("crowded", "schedule", schedule, "s1");
        await h.Runtime.RaiseEventAsync("crowded", "schedule", schedule, "s1");
        var lost = Assert.Single(await MarksAsync(h));

        // Some 250 hosts raced for this step: Azure refuses to merge one more attempt into the row.
        full.Arm(lost.RowKey);
        await h.Runtime.Store.Marks.MarkAsync(lost.RowKey, "crowded", h.FakeClock.GetUtcNow(), "s250", CancellationToken.None);
        var marked = Assert.Single(await MarksAsync(h));
        await h.Runtime.SweepOutboxAsync();
        var kept = await MarksAsync(h);
        h.FakeClock.Advance(WorkflowRuntime.MarkGrace + TimeSpan.FromMinutes(1));
        await h.Runtime.SweepOutboxAsync();

        Assert.Contains(null, marked.Attempts);
        Assert.Equal([lost.RowKey], kept.Select(m => m.RowKey));
        Assert.Empty(await MarksAsync(h));
    }

    /// <summary>Refuses merges into the armed row as Azure refuses one past 252 properties.</summary>
    private sealed class FullMarkRow : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private string? _rowKey;

        public void Arm(string rowKey) => Volatile.Write(ref _rowKey, rowKey);

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (Volatile.Read(ref _rowKey) is { } rowKey && message.Request.Method == Azure.Core.RequestMethod.Patch
                && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains($"RowKey='{rowKey}'", StringComparison.Ordinal))
            {
                throw new Azure.RequestFailedException(400, "The entity contains more properties than allowed.", "TooManyProperties", null);
            }
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task JobRun_FiresADueTimer_FoundByItsOneQuery()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "waiting");
        await h.Runtime.RaiseEventAsync("waiting", "schedule", Json(new { name = "deadline", dueAt = RuntimeHarness.Epoch.AddMinutes(30) }), "s1");
        var job = new DueWorkRunner([], h.Runtime, NullLogger<DueWorkRunner>.Instance);

        var early = await h.Runtime.HasWorkDueAsync();
        h.FakeClock.Advance(TimeSpan.FromMinutes(30));
        var due = await h.Runtime.HasWorkDueAsync();
        await job.RunDueOnceAsync();

        Assert.False(early);
        Assert.True(due);
        Assert.Equal("Fired1", (await h.Runtime.GetStatusAsync("waiting"))!.CustomStatus);
        Assert.False(await h.Runtime.HasWorkDueAsync());
    }

    private static async Task<List<PendingMark>> MarksAsync(RuntimeHarness h) =>
        await h.Runtime.Store.Marks.AllAsync(CancellationToken.None).ToListAsync();

    private static async Task<long> CountAsync(RequestCounter counter, Func<Task> act)
    {
        var before = counter.Count;
        await act();
        return counter.Count - before;
    }
}
