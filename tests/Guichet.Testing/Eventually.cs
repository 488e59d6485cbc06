using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Testing;

/// <summary>Waits, in real time and with a limit, for something background work is expected to bring about.</summary>
public static class Eventually
{
    /// <summary>The default limit of a wait on storage.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Waits until <paramref name="condition"/> holds, or fails with <paramref name="what"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"Still not true after {clock.Elapsed.TotalSeconds:F1} s: {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    /// <summary>
    /// Moves a fake clock forward in steps, letting background work run between steps, until the condition
    /// holds. Steps keep a timer registered late (after an advance) from waiting a whole extra interval.
    /// </summary>
    public static async Task AdvanceUntilAsync(FakeTimeProvider clock, TimeSpan step, Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(condition);
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > (timeout ?? DefaultTimeout))
            {
                throw new TimeoutException($"Still not true at fake time {clock.GetUtcNow():O}: {what}.");
            }

            clock.Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(10), TimeProvider.System);
        }
    }
}
