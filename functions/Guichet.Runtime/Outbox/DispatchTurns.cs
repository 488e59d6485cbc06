namespace Guichet.Runtime.Outbox;

/// <summary>
/// Whose turn it is to carry out an instance's outbox in this host: one dispatcher at a time, so that none sends again
/// what another is sending or has sent and not yet deleted (a step's own dispatch, a nested step of the same instance
/// reached through an event it sent, the sweeper). One that finds the turn taken asks the holder to read the outbox
/// again before it lets go, and leaves; the holder carries out what was added behind its own, in step order.
/// </summary>
internal sealed class DispatchTurns
{
    private readonly Dictionary<string, Turn> _held = new(StringComparer.Ordinal);

    /// <summary>Takes the instance's turn; false when another dispatcher holds it, which is then asked to read again (and to drop the mark of <paramref name="step"/>, when given).</summary>
    public bool TryTake(string instanceId, long? step)
    {
        lock (_held)
        {
            if (_held.TryGetValue(instanceId, out var turn))
            {
                turn.Asked = true;
                if (step is { } s)
                {
                    turn.Steps.Add(s);
                }

                return false;
            }

            _held.Add(instanceId, new());
            return true;
        }
    }

    /// <summary>
    /// Lets the turn go, unless someone asked since the last call: then the holder keeps it, reads the outbox again, and
    /// returns here. <paramref name="asked"/> gets the steps whose marks the askers left to the holder.
    /// </summary>
    public bool TryRelease(string instanceId, List<long> asked)
    {
        lock (_held)
        {
            var turn = _held[instanceId];
            asked.AddRange(turn.Steps);
            turn.Steps.Clear();
            if (turn.Asked)
            {
                turn.Asked = false;
                return false;
            }

            _held.Remove(instanceId);
            return true;
        }
    }

    /// <summary>Lets the turn go whatever was asked: what is left of the outbox is the sweeper's (the holder deferred it).</summary>
    public void Release(string instanceId)
    {
        lock (_held)
        {
            _held.Remove(instanceId);
        }
    }

    private sealed class Turn
    {
        public bool Asked { get; set; }

        public List<long> Steps { get; } = [];
    }
}
