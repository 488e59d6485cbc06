using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

[Collection(AzuriteGroup.Name)]
public sealed class BadInputTests(AzuriteFixture azurite)
{
    [Theory(Timeout = 30_000)]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a|b")]
    [InlineData("")]
    [InlineData("tab\tid")]
    public async Task ForbiddenInstanceId_RefusedClearly_NothingWritten(string id)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => h.Runtime.StartAsync(TypeName, id));

        Assert.Equal("instanceId", error.ParamName);
        Assert.Contains("letters, digits", error.Message, StringComparison.Ordinal);
        Assert.Empty((await h.Runtime.QueryInstancesAsync(new InstanceQuery())).Instances);
    }

    [Fact(Timeout = 30_000)]
    public async Task UnknownWorkflowType_Refused()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);

        var error = await Assert.ThrowsAsync<UnknownWorkflowTypeException>(() => h.Runtime.StartAsync("nope", "x-1"));

        Assert.Equal("nope", error.WorkflowType);
        Assert.Null(await h.Runtime.GetStatusAsync("x-1"));
    }

    [Fact(Timeout = 30_000)]
    public async Task PayloadAbove64KiB_IsCarriedInChunkedRows_AndAboveTheLimitRefused()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "big");
        var text = new string('x', 100_000) + "é, à";
        var large = Json(new { amount = 1, text });
        var tooLarge = Json(new { amount = 1, text = new string('x', h.Runtime.Options.MaxPayloadBytes) });

        var applied = await h.Runtime.RaiseEventAsync("big", "add", large, "large");
        var refused = await Assert.ThrowsAsync<PayloadTooLargeException>(() => h.Runtime.RaiseEventAsync("big", "add", tooLarge, "too-large"));

        Assert.Equal(RaiseResult.Applied, applied.Result);
        var stored = (await h.Runtime.GetWholeHistoryAsync("big"))![^1].Payload!.Value;
        Assert.Equal(text, stored.GetProperty("text").GetString());
        Assert.Equal(h.Runtime.Options.MaxPayloadBytes, refused.Limit);
        Assert.Equal(2, (await h.Runtime.GetStatusAsync("big"))!.HistoryLength);
        Assert.True((await h.Runtime.VerifyHistoryAsync("big"))!.IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task InvalidEventName_Refused()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "named");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => h.Runtime.RaiseEventAsync("named", "a/b", null, "e1"));

        Assert.Equal("eventName", error.ParamName);
    }

    [Fact(Timeout = 30_000)]
    public async Task InputAboveTheLimit_StartRefused_NothingWritten()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        var tooLarge = Json(new { text = new string('x', h.Runtime.Options.MaxPayloadBytes) });

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() => h.Runtime.StartAsync(TypeName, "huge", tooLarge));

        Assert.Equal("input", error.ParamName);
        Assert.Null(await h.Runtime.GetStatusAsync("huge"));
    }

    [Fact(Timeout = 30_000)]
    public async Task EffectWithAForbiddenTargetId_FailsTheInstanceWithTheRule()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "sender");

        var outcome = await h.Runtime.RaiseEventAsync("sender", "forward", Json(new { target = "a/b", amount = 1 }), "f1");

        Assert.Equal(RaiseResult.Failed, outcome.Result);
        Assert.Contains("target instance id", outcome.Status!.Error, StringComparison.Ordinal);
        Assert.Empty(await h.Runtime.Store.ReadOutboxAsync("sender", CancellationToken.None));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("Refusals")]
    [InlineData("re--fusals")]
    [InlineData("ab")]
    public async Task RefusalReplyToAnInvalidQueue_Refused_NothingRecorded(string queue)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "paused");
        await h.Runtime.SuspendAsync("paused");

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            h.Runtime.RaiseEventAsync("paused", "add", Json(new { amount = 1 }), "e1", new RequestContext(OnRefusal: new RefusalReply(queue, "x"))));

        Assert.Equal("reply", error.ParamName);
        Assert.Null(await h.Runtime.GetEventOutcomeAsync("paused", "e1"));
        Assert.Equal(0, (await h.Runtime.GetStatusAsync("paused"))!.BufferedEvents);
    }

    [Fact(Timeout = 30_000)]
    public async Task RefusalReplyAboveTheLimitInUtf8Bytes_Refused_NothingRecorded()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "paused");
        await h.Runtime.SuspendAsync("paused");
        var body = new string('é', (RefusalReply.MaxBodyBytes / 2) + 1); // fewer characters than the limit, more bytes

        var error = await Assert.ThrowsAsync<PayloadTooLargeException>(() =>
            h.Runtime.RaiseEventAsync("paused", "add", Json(new { amount = 1 }), "e1", new RequestContext(OnRefusal: new RefusalReply(UniqueNames.Queue("refusals"), body))));

        Assert.Equal(RefusalReply.MaxBodyBytes, error.Limit);
        Assert.Null(await h.Runtime.GetEventOutcomeAsync("paused", "e1"));
        Assert.Equal(0, (await h.Runtime.GetStatusAsync("paused"))!.BufferedEvents);
    }

    [Theory(Timeout = 30_000)]
    [InlineData("a/b", "e1")]
    [InlineData("ok", " ")]
    public async Task EventOutcomeOfABadInstanceIdOrEventId_Refused(string instanceId, string eventId)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);

        await Assert.ThrowsAsync<ArgumentException>(() => h.Runtime.GetEventOutcomeAsync(instanceId, eventId));
    }
}
