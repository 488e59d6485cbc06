using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A step Azure would refuse is never sent: its instance fails with the reason, its state as before the step, and
/// nothing is retried for ever. Each case oversteps one of Azure's limits that Azurite does not enforce.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureLimitsTests(AzuriteFixture azurite)
{
    private async Task<RuntimeHarness> StartAsync(string id, Azure.Core.Pipeline.HttpPipelinePolicy? policy = null)
    {
        var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new OversizeWorkflow()], clients: policy is null ? null : azurite.Azurite.Clients(policy));
        await h.Runtime.StartAsync(OversizeWorkflow.TypeName, id);
        return h;
    }

    [Theory(Timeout = 30_000)]
    [InlineData("long-status", """{"chars":40000}""", "CustomStatus", "40000 characters")]
    [InlineData("ancient", "{}", "DueAt", "before 1601")]
    [InlineData("heavy-send", """{"chars":1200000}""", "row 'o|", "an entity holds at most")]
    [InlineData("flood", """{"messages":90,"chars":46000}""", "on the wire", "KiB")]
    public async Task StepThatDoesNotFit_FailsTheInstanceWithTheReason_StateAsBefore(string eventName, string payload, string where, string what)
    {
        await using var h = await StartAsync("big-1");

        var outcome = await h.Runtime.RaiseEventAsync("big-1", eventName, System.Text.Json.JsonDocument.Parse(payload).RootElement, "e1");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        var status = (await h.Runtime.GetStatusAsync("big-1", withData: true))!;
        Assert.Equal(RuntimeStatus.Failed, status.RuntimeStatus);
        Assert.Contains(where, status.Error, StringComparison.Ordinal);
        Assert.Contains(what, status.Error, StringComparison.Ordinal);
        Assert.Equal("Open", status.State!.Value.GetProperty("status").GetString());
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("big-1", CancellationToken.None));
        var last = (await h.Runtime.GetWholeHistoryAsync("big-1"))![^1];
        Assert.Equal(HistoryKind.Failed, last.Kind);
        Assert.Equal(eventName, last.Name);
        Assert.True((await h.Runtime.VerifyHistoryAsync("big-1"))!.IsIntact);
        Assert.Equal(RaiseResult.Duplicate, (await h.Runtime.RaiseEventAsync("big-1", eventName, null, "e1")).Result);
    }

    [Fact(Timeout = 30_000)]
    public async Task BufferedEventWhoseStepDoesNotFit_ItsOutcomeSaysFailed()
    {
        await using var h = await StartAsync("big-2");
        await h.Runtime.SuspendAsync("big-2");
        var buffered = await h.Runtime.RaiseEventAsync("big-2", "long-status", System.Text.Json.JsonDocument.Parse("""{"chars":40000}""").RootElement, "e1");

        await h.Runtime.ResumeAsync("big-2");

        Assert.Equal(RaiseResult.Buffered, buffered.Result);
        Assert.Equal(RuntimeStatus.Failed, (await h.Runtime.GetStatusAsync("big-2"))!.RuntimeStatus);
        var outcome = (await h.Runtime.GetEventOutcomeAsync("big-2", "e1"))!;
        Assert.Equal(EventResult.Failed, outcome.Result);
        Assert.Contains("40000 characters", outcome.Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task PendingTimersBeyondOneProperty_TheStepThatAddsThemFails_TheEarlierOnesStay()
    {
        await using var h = await StartAsync("timers-1");

        var first = await h.Runtime.RaiseEventAsync("timers-1", "many-timers", Json(new { count = 90 }), "m1");
        var second = await h.Runtime.RaiseEventAsync("timers-1", "many-timers", Json(new { count = 90 }), "m2");
        var third = await h.Runtime.RaiseEventAsync("timers-1", "many-timers", Json(new { count = 90 }), "m3");

        Assert.Equal(RaiseResult.Applied, first.Result);
        Assert.Equal(RaiseResult.Applied, second.Result);
        Assert.Equal(RaiseResult.Failed, third.Result);
        var status = (await h.Runtime.GetStatusAsync("timers-1"))!;
        Assert.Contains("Property Timers", status.Error, StringComparison.Ordinal);
        Assert.Equal(180, status.PendingTimers.Count);
    }

    [Fact(Timeout = 30_000)]
    public async Task HugeExceptionMessage_FailureRecordedWithTheReasonCut()
    {
        await using var h = await StartAsync("crash-1");

        var outcome = await h.Runtime.RaiseEventAsync("crash-1", "crash", Json(new { chars = 100_000 }), "c1");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        var status = (await h.Runtime.GetStatusAsync("crash-1"))!;
        Assert.InRange(status.Error!.Length, 1000, 4100);
        Assert.StartsWith("InvalidOperationException: eee", status.Error, StringComparison.Ordinal);
        Assert.Equal(status.Error, (await h.Runtime.GetWholeHistoryAsync("crash-1"))![^1].Reason);
    }

    [Fact(Timeout = 30_000)]
    public async Task StepThatDoesNotFit_IsNeverSent()
    {
        var largest = new LargestRequest();
        await using var h = await StartAsync("counted", largest);

        await h.Runtime.RaiseEventAsync("counted", "heavy-send", Json(new { chars = 1_200_000 }), "h1");

        // The step would have carried 1.2 MB in one row; no request that large ever left.
        Assert.Equal(RuntimeStatus.Failed, (await h.Runtime.GetStatusAsync("counted"))!.RuntimeStatus);
        Assert.InRange(largest.Bytes, 1, 200_000);
    }

    /// <summary>The size of the largest request body sent.</summary>
    private sealed class LargestRequest : Azure.Core.Pipeline.HttpPipelineSynchronousPolicy
    {
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public override void OnSendingRequest(Azure.Core.HttpMessage message)
        {
            if (message.Request.Content?.TryComputeLength(out var length) == true && length > Bytes)
            {
                Interlocked.Exchange(ref _bytes, length);
            }
        }
    }
}
