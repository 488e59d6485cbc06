namespace Guichet.Runtime.Timers;

/// <summary>
/// What one call that fires due timers has done so far, so that an instance's timers fire in due order and a firing
/// that re-arms a timer due at once cannot make the call (nor the poller behind it) spin.
/// </summary>
internal sealed class TimerRound
{
    private readonly HashSet<string> _fired = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);
    private readonly HashSet<string> _deferred = new(StringComparer.Ordinal);
    private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>When the earliest timer this call deferred may fire; null when it deferred none.</summary>
    public DateTimeOffset? DeferredUntil { get; private set; }

    public void Fired(DueTimer timer)
    {
        lock (_gate)
        {
            _fired.Add(timer.OrderGroup);
        }
    }

    public void Failed(DueTimer timer)
    {
        lock (_gate)
        {
            _failed.Add(timer.RowKey);
        }
    }

    public bool HasFailed(DueTimer timer)
    {
        lock (_gate)
        {
            return _failed.Contains(timer.RowKey);
        }
    }

    /// <summary>
    /// Whether a due timer appeared after its instance fired in this call: a firing armed it due at once (it re-armed
    /// itself "now", or in the past), and it waits for the next call, <paramref name="step"/> later, rather than fire in a
    /// tight loop. (A timer the first read did not reach, beyond a batch, waits that step too.)
    /// </summary>
    public bool Defers(DueTimer timer, DateTimeOffset now, TimeSpan step)
    {
        lock (_gate)
        {
            if (_deferred.Contains(timer.RowKey))
            {
                return true;
            }

            if (!_read.Add(timer.RowKey) || !_fired.Contains(timer.OrderGroup))
            {
                return false;
            }

            _deferred.Add(timer.RowKey);

            var until = now + step;
            DeferredUntil = DeferredUntil is { } earlier && earlier < until ? earlier : until;
            return true;
        }
    }
}
