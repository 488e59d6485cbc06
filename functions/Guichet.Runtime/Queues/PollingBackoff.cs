namespace Guichet.Runtime.Queues;

/// <summary>
/// Randomised exponential back-off of an idle queue: each empty receive roughly doubles the wait (±20 %),
/// from the minimum up to the maximum, which is then held; a message resets it.
/// </summary>
internal sealed class PollingBackoff(TimeSpan minimum, TimeSpan maximum)
{
    private TimeSpan _current = TimeSpan.Zero;

    /// <summary>The wait after the next empty receive, and the state for the one after.</summary>
    public TimeSpan Next()
    {
        var doubled = _current == TimeSpan.Zero ? minimum : _current * 2 * (0.8 + (Random.Shared.NextDouble() * 0.4));
        _current = doubled < minimum ? minimum : doubled > maximum ? maximum : doubled;
        return _current;
    }

    /// <summary>Starts again from the minimum: the queue had work.</summary>
    public void Reset() => _current = TimeSpan.Zero;
}
