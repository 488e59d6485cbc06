namespace Guichet.Runtime.Timers;

/// <summary>
/// Wakes this host's timer poller early when this host schedules a timer due before the poller's next wake,
/// so a timer fires on time without the poller polling often. A notice that arrives while the poller is
/// busy is kept, so none is lost.
/// </summary>
internal sealed class TimerSignal(TimeProvider time)
{
    private readonly Lock _lock = new();
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private DateTimeOffset? _waitingUntil;
    private DateTimeOffset? _missed;

    public void Notify(DateTimeOffset dueAt)
    {
        lock (_lock)
        {
            if (_waitingUntil is { } until)
            {
                if (dueAt < until)
                {
                    _wake.TrySetResult();
                }
            }
            else if (_missed is null || dueAt < _missed)
            {
                _missed = dueAt;
            }
        }
    }

    /// <summary>Waits until <paramref name="until"/>, or less when a timer due earlier is scheduled meanwhile.</summary>
    public async Task WaitAsync(DateTimeOffset until, CancellationToken ct)
    {
        Task wake;
        lock (_lock)
        {
            if (_missed is { } missed && missed < until)
            {
                _missed = null;
                return;
            }

            _missed = null;
            _waitingUntil = until;
            _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
            wake = _wake.Task;
        }

        try
        {
            var delay = until - time.GetUtcNow();
            if (delay > TimeSpan.Zero)
            {
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
                await Task.WhenAny(Task.Delay(delay, time, stop.Token), wake);
                await stop.CancelAsync();
                ct.ThrowIfCancellationRequested();
            }
        }
        finally
        {
            lock (_lock)
            {
                _waitingUntil = null;
            }
        }
    }
}
