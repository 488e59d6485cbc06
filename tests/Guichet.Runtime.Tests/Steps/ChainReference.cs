using Guichet.Runtime.Tests.Workflows;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>
/// What the README promises, written plainly for <see cref="ChainWorkflow"/>: an event id is accepted once;
/// while suspended, or while earlier events wait, events and due timers queue and are applied in order once
/// running; a timer fires once, after it is due and its arming was carried out, unless cancelled or replaced
/// first. An event refused by rule or that does not bind changes nothing; one that fails stops everything behind
/// it until an administrator rewinds past it. The log it keeps is the fold of the accepted events in acceptance order.
/// </summary>
internal sealed class ChainReference(Func<DateTimeOffset> now)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<(Operation.Raise? Event, Armed? Timer)> _waiting = new();
    private readonly Dictionary<string, Armed> _pending = new(StringComparer.Ordinal);
    private readonly List<Armed> _armed = [];
    private readonly List<Armed> _armedByThisStep = [];
    private bool _suspended;
    private bool _failed;

    public List<string> Log { get; } = [];

    /// <summary>
    /// A failed instance refuses events; one that does not bind is refused at once, and one a rule refuses too when it
    /// would be decided now (nothing recorded, its id free); queued, a refused event is recorded and its id taken.
    /// </summary>
    public void Raise(Operation.Raise raise)
    {
        var queued = _suspended || _waiting.Count > 0;
        if (_failed || raise.Kind == RaiseKind.Unbound || (raise.Kind == RaiseKind.Refuse && !queued) || !_seen.Add(raise.EventId))
        {
            return;
        }

        if (queued || raise.Kind == RaiseKind.Boom)
        {
            // An event that fails waits at the head of the inbox for the administrator.
            _failed = !queued;
            _waiting.Enqueue((raise, null));
        }
        else
        {
            Apply(raise);
        }

        AfterCommit(raise.Crash);
    }

    public void Suspend()
    {
        if (!_suspended && !_failed)
        {
            _suspended = true;
            AfterCommit(crash: false);
        }
    }

    public void Resume(bool crash)
    {
        if (_suspended)
        {
            _suspended = false;
            AfterCommit(crash);
        }
    }

    /// <summary>A rewind skips the event that failed (recorded as not applied), then what waited behind it is applied.</summary>
    public void Rewind(bool crash)
    {
        if (_failed)
        {
            _failed = false;
            _waiting.Dequeue();
            AfterCommit(crash);
        }
    }

    /// <summary>A retry decides the failed event again; the bug is still there, so it fails again when the inbox drains.</summary>
    public void Retry(bool crash)
    {
        if (_failed)
        {
            _failed = false;
            AfterCommit(crash);
        }
    }

    public bool Failed => _failed;

    /// <summary>Timers whose arming was carried out fire in due order, then arming order; one cancelled, replaced or fired already does nothing.</summary>
    public void FireDue()
    {
        foreach (var timer in _armed.Where(t => t.Indexed && t.DueAt <= now()).OrderBy(t => t.DueAt).ThenBy(t => t.Order).ToList())
        {
            if (timer.Fired || _pending.GetValueOrDefault(timer.Name) != timer)
            {
                continue;
            }

            timer.Fired = true;
            if (_suspended || _waiting.Count > 0)
            {
                _waiting.Enqueue((null, timer));
            }
            else
            {
                Fire(timer);
            }

            AfterCommit(crash: false);
        }
    }

    /// <summary>Every arming is carried out, then the waiting events are applied.</summary>
    public void Sweep()
    {
        _armed.ForEach(t => t.Indexed = true);
        Drain();
    }

    /// <summary>A step carries out its own outbox only (an earlier crashed step's waits for the sweep), then drains.</summary>
    private void AfterCommit(bool crash)
    {
        if (crash)
        {
            _armedByThisStep.Clear();
            return;
        }

        CarryOut();
        Drain();
    }

    private void CarryOut()
    {
        _armedByThisStep.ForEach(t => t.Indexed = true);
        _armedByThisStep.Clear();
    }

    private void Drain()
    {
        while (!_suspended && !_failed && _waiting.TryPeek(out var next))
        {
            if (next.Event is { Kind: RaiseKind.Boom })
            {
                _failed = true; // it stays at the head
                break;
            }

            _waiting.Dequeue();
            if (next.Event is { } raise)
            {
                Apply(raise);
                CarryOut();
            }
            else if (_pending.GetValueOrDefault(next.Timer!.Name) == next.Timer)
            {
                Fire(next.Timer);
            }
        }
    }

    private void Apply(Operation.Raise raise)
    {
        switch (raise.Kind)
        {
            case RaiseKind.Append:
                Log.Add($"e:{raise.EventId}");
                break;
            case RaiseKind.Arm:
                Log.Add($"arm:{raise.EventId}");
                var timer = new Armed(raise.Timer, raise.EventId, now().AddSeconds(raise.Seconds), _armed.Count);
                _pending[raise.Timer] = timer;
                _armed.Add(timer);
                _armedByThisStep.Add(timer);
                break;
            case RaiseKind.Refuse:
                break; // recorded as not applied: the state stays
            default:
                Log.Add($"disarm:{raise.EventId}");
                _pending.Remove(raise.Timer);
                break;
        }
    }

    private void Fire(Armed timer)
    {
        _pending.Remove(timer.Name);
        Log.Add(ChainWorkflow.Fired(timer.Name, timer.ArmedBy));
    }

    private sealed class Armed(string name, string armedBy, DateTimeOffset dueAt, int order)
    {
        public string Name => name;

        public string ArmedBy => armedBy;

        public DateTimeOffset DueAt => dueAt;

        public int Order => order;

        /// <summary>Its index row was written: the step that armed it carried out its outbox.</summary>
        public bool Indexed { get; set; }

        public bool Fired { get; set; }
    }
}
