using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Bench;

/// <summary>
/// Moves a fake clock through one hour in five-second steps, letting listeners run between steps, and counts the
/// requests sent meanwhile; a callback, when given, runs at each minute as the scheduled job does.
/// </summary>
internal static class SimulatedHour
{
    public static async Task<long> CountRequestsAsync(FakeTimeProvider clock, RequestCounter counter, Func<Task>? everyMinute = null)
    {
        var before = counter.Count;
        for (var second = 5; second <= 3600; second += 5)
        {
            clock.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(TimeSpan.FromMilliseconds(5), TimeProvider.System);
            if (everyMinute is not null && second % 60 == 0)
            {
                await everyMinute();
            }
        }

        return counter.Count - before;
    }
}
