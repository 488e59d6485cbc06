using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Guichet.Deciders;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>
/// An instance's timers fire in due order even when the firing of one fails for a while, and a timer whose firing
/// re-arms it at once neither spins the poller nor delays a timer armed ahead of time.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class TimerOrderTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task FailedFiring_HoldsBackTheLaterTimersOfItsInstance_ThenBothFireInDueOrder()
    {
        var fault = new FailOnce();
        await using var h = await RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(fault));
        await h.Runtime.StartAsync(TypeName, "ordered");
        await h.Runtime.StartAsync(TypeName, "other");
        await h.Runtime.RaiseEventAsync("ordered", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch.AddMinutes(1) }), "s1");
        await h.Runtime.RaiseEventAsync("ordered", "schedule", Json(new { name = "later", dueAt = RuntimeHarness.Epoch.AddMinutes(2) }), "s2");
        await h.Runtime.RaiseEventAsync("other", "schedule", Json(new { name = "later", dueAt = RuntimeHarness.Epoch.AddMinutes(2) }), "s3");
        h.FakeClock.Advance(TimeSpan.FromMinutes(3));

        // The first firing of "soon" cannot read its instance (storage busy once).
        fault.Arm($"(PartitionKey='ordered',RowKey='{RowKeys.State}')");
        var next = await h.Runtime.FireDueTimersAsync();

        Assert.Equal(1, fault.Injected);
        Assert.Empty(await FiredAsync(h, "ordered"));
        Assert.Equal(["later"], await FiredAsync(h, "other"));
        Assert.Equal(h.FakeClock.GetUtcNow() + WorkflowRuntime.TimerRetryDelay, next);

        h.FakeClock.Advance(WorkflowRuntime.TimerRetryDelay);
        Assert.Null(await h.Runtime.FireDueTimersAsync());
        Assert.Equal(["soon", "later"], await FiredAsync(h, "ordered"));
    }

    [Fact(Timeout = 60_000)]
    public async Task TimerReArmedAtOnce_FiresOncePerCall_AndTheCallSaysToComeBackAStepLater()
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite, workflows: [new EchoWorkflow(), new Workflows.ProbeWorkflow()]);
        await h.Runtime.StartAsync(EchoWorkflow.Name, "echo");
        await h.Runtime.StartAsync(TypeName, "probe");
        await h.Runtime.RaiseEventAsync("probe", "schedule", Json(new { name = "soon", dueAt = RuntimeHarness.Epoch }), "s1");

        var next = await h.Runtime.FireDueTimersAsync();

        // One firing of the echo (its re-armed timer waits for the next call), and the probe's timer fired in the same call.
        Assert.Equal(1, await TicksAsync(h));
        Assert.Equal(["soon"], await FiredAsync(h, "probe"));
        Assert.Equal(h.FakeClock.GetUtcNow() + WorkflowRuntime.TimerMinimumStep, next);

        h.FakeClock.Advance(WorkflowRuntime.TimerMinimumStep);
        await h.Runtime.FireDueTimersAsync();
        Assert.Equal(2, await TicksAsync(h));
        Assert.Single((await h.Runtime.GetStatusAsync("echo"))!.PendingTimers);
    }

    private static async Task<List<string>> FiredAsync(RuntimeHarness h, string id)
    {
        var state = System.Text.Json.JsonSerializer.Deserialize<Workflows.ProbeState>((await h.Runtime.GetStatusAsync(id, withData: true))!.State!.Value, Guichet.Runtime.Workflows.WorkflowJson.Options)!;
        return [.. state.Fired.Select(f => f.Name)];
    }

    private static async Task<int> TicksAsync(RuntimeHarness h) =>
        (await h.Runtime.GetStatusAsync("echo", withData: true))!.State!.Value.GetInt32();

    /// <summary>Its timer re-arms itself at the instant it fires.</summary>
    private sealed class EchoWorkflow : Decider<Nothing, int, Nothing>
    {
        public const string Name = "echo";

        public override string Type => Name;

        public override EventCatalog<Nothing> Events { get; } = new EventCatalog<Nothing>().Add<Nothing>("tick");

        public override Decision<int> Start(Nothing input, EventContext context) => Decision.Accept(0, new ScheduleTimer("tick", context.Now));

        public override Decision<int> Decide(int state, Nothing happened, EventContext context) => Decision.Accept(state + 1, new ScheduleTimer("tick", context.Now));

        public override string StatusOf(int state) => "Ticking";
    }

    private sealed record Nothing;

    /// <summary>Fails the next request whose URI holds the armed fragment, once, as a busy storage account would.</summary>
    private sealed class FailOnce : HttpPipelinePolicy
    {
        private string? _fragment;
        private int _injected;

        public int Injected => Volatile.Read(ref _injected);

        public void Arm(string fragment) => Volatile.Write(ref _fragment, fragment);

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfArmed(message);
            ProcessNext(message, pipeline);
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            ThrowIfArmed(message);
            return ProcessNextAsync(message, pipeline);
        }

        private void ThrowIfArmed(HttpMessage message)
        {
            var fragment = Volatile.Read(ref _fragment);
            if (fragment is not null && Uri.UnescapeDataString(message.Request.Uri.ToString()).Contains(fragment, StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref _fragment, null, fragment) == fragment)
            {
                Interlocked.Increment(ref _injected);
                throw new RequestFailedException(503, "Injected storage failure", "ServerBusy", null);
            }
        }
    }
}
