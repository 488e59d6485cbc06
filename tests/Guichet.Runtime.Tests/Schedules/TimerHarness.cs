using System.Collections.Concurrent;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Schedules;

/// <summary>Timer triggers of one name sharing a unique lease container and a fake clock, as several hosts would; records every firing.</summary>
public sealed class TimerHarness(AzuriteFixture azurite, string schedule, string timeZone = "UTC", DateTimeOffset? start = null) : IAsyncDisposable
{
    private readonly List<TimerListener> _listeners = [];

    public FakeTimeProvider Clock { get; } = new(start ?? RuntimeHarness.Epoch);

    public TimerTriggerOptions Options { get; } = new()
    {
        TimeZone = TimeZoneInfo.FindSystemTimeZoneById(timeZone),
        LeaseContainer = "leases-" + Guid.NewGuid().ToString("N"),
        LeaseDuration = TimeSpan.FromSeconds(15),
    };

    /// <summary>Every firing, with the host that ran it and the clock's time then.</summary>
    public ConcurrentQueue<(int Host, TimerFiring Firing, DateTimeOffset At)> Firings { get; } = new();

    /// <summary>A trigger as host <paramref name="host"/> builds it (its own storage clients).</summary>
    public TimerTrigger Trigger(int host = 0, Func<TimerFiring, Task>? work = null) => new(
        "Sweep",
        new CronSchedule(schedule, Options.TimeZone),
        async (firing, _) =>
        {
            Firings.Enqueue((host, firing, Clock.GetUtcNow()));
            await (work?.Invoke(firing) ?? Task.CompletedTask);
        },
        azurite.Azurite.Clients().Blobs,
        Options,
        Clock,
        NullLogger<TimerTrigger>.Instance);

    /// <summary>Starts a host's listener: catch-up first, then each occurrence.</summary>
    public async Task StartHostAsync(int host)
    {
        var listener = new TimerListener(Trigger(host), Clock, NullLogger<TimerListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }
}
