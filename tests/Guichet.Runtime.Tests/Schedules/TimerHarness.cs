using System.Collections.Concurrent;
using Azure.Core.Pipeline;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Runtime.Tests.Schedules;

/// <summary>Timer triggers of one name sharing a unique lease container and a fake clock, as several hosts would; records every firing.</summary>
public sealed class TimerHarness(AzuriteFixture azurite, string schedule, string timeZone = "UTC", DateTimeOffset? start = null) : IAsyncDisposable
{
    private readonly List<TimerListener> _listeners = [];
    private readonly ConcurrentDictionary<int, HostClock> _hostClocks = new();

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
    public TimerTrigger Trigger(int host = 0, Func<TimerFiring, Task>? work = null) => Trigger(host, work, Clock, storagePolicy: null);

    /// <summary>Starts a host's listener: catch-up first, then each occurrence. <paramref name="storagePolicy"/> sees its storage requests.</summary>
    public async Task StartHostAsync(int host, HttpPipelinePolicy? storagePolicy = null)
    {
        var clock = new HostClock(Clock);
        _hostClocks[host] = clock;
        var listener = new TimerListener(Trigger(host, work: null, clock, storagePolicy), clock, NullLogger<TimerListener>.Instance);
        _listeners.Add(listener);
        await listener.StartAsync(CancellationToken.None);
    }

    /// <summary>
    /// Waits until every started host waits on the clock for one wake-up only, at one of <paramref name="wakes"/>:
    /// its listener asleep until an occurrence, or its trigger waiting out a busy lease. A host that is firing
    /// waits on the clock too (its lease renewal, a third of the lease after it fired), so only those times say
    /// that a host has nothing left to do until the clock reaches them.
    /// </summary>
    public Task HostsWaitingUntilAsync(params DateTimeOffset[] wakes) => Eventually.HoldsAsync(
        () => Task.FromResult(_hostClocks.Values.All(c => c.OnlyWake is { } wake && wakes.Contains(wake))),
        $"every host waiting until {string.Join(" or ", wakes.Select(w => w.ToString("O")))}");

    public async ValueTask DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.StopAsync(CancellationToken.None);
            listener.Dispose();
        }
    }

    private TimerTrigger Trigger(int host, Func<TimerFiring, Task>? work, TimeProvider clock, HttpPipelinePolicy? storagePolicy) => new(
        "Sweep",
        new CronSchedule(schedule, Options.TimeZone),
        async (firing, _) =>
        {
            Firings.Enqueue((host, firing, Clock.GetUtcNow()));
            await (work?.Invoke(firing) ?? Task.CompletedTask);
        },
        azurite.Azurite.Clients(storagePolicy).Blobs,
        Options,
        clock,
        NullLogger<TimerTrigger>.Instance);

    /// <summary>One host's view of the shared fake clock, which knows when each of the host's pending timers is due.</summary>
    private sealed class HostClock(FakeTimeProvider clock) : TimeProvider
    {
        private readonly ConcurrentDictionary<Wake, DateTimeOffset> _pending = new();

        /// <summary>When the host's only pending timer is due; null while it has none, or more than one.</summary>
        public DateTimeOffset? OnlyWake => _pending.Values.ToArray() is [var only] ? only : null;

        public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();

        public override TimeZoneInfo LocalTimeZone => clock.LocalTimeZone;

        public override long TimestampFrequency => clock.TimestampFrequency;

        public override long GetTimestamp() => clock.GetTimestamp();

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var wake = new Wake(this);
            wake.Inner = clock.CreateTimer(
                s =>
                {
                    Schedule(wake, period);
                    callback(s);
                },
                state,
                dueTime,
                period);

            // Told only once the fake clock holds the timer: a clock moved before that would set it off from the
            // new time (a wait of 20 hours computed at noon, registered after a move to 08:00, ends the next day).
            // A timer due now has already run.
            if (dueTime != TimeSpan.Zero)
            {
                Schedule(wake, dueTime);
            }

            return wake;
        }

        private void Schedule(Wake wake, TimeSpan dueIn)
        {
            if (dueIn == Timeout.InfiniteTimeSpan || dueIn == TimeSpan.Zero)
            {
                _pending.TryRemove(wake, out _);
            }
            else
            {
                _pending[wake] = clock.GetUtcNow() + dueIn;
            }
        }

        private sealed class Wake(HostClock owner) : ITimer
        {
            public ITimer Inner { get; set; } = null!;

            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                var changed = Inner.Change(dueTime, period);
                if (dueTime != TimeSpan.Zero)
                {
                    owner.Schedule(this, dueTime);
                }

                return changed;
            }

            public void Dispose()
            {
                owner.Schedule(this, Timeout.InfiniteTimeSpan);
                Inner.Dispose();
            }

            public ValueTask DisposeAsync()
            {
                owner.Schedule(this, Timeout.InfiniteTimeSpan);
                return Inner.DisposeAsync();
            }
        }
    }
}
