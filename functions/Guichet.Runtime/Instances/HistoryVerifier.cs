namespace Guichet.Runtime.Instances;

/// <summary>
/// Checks a history entry by entry, in order, holding only the hash before: a history of any length is verified
/// page by page in constant memory. The chain must end where the state row says it does (a cut made together with
/// the state row is not seen from the table alone: see <see cref="HistoryChain"/>).
/// </summary>
internal sealed class HistoryVerifier(HistoryChain chain, long lastSequence, string lastHash)
{
    private string _previous = string.Empty;

    /// <summary>How many entries were found intact so far.</summary>
    public long Checked { get; private set; }

    /// <summary>The first problem found, or null while the chain holds.</summary>
    public HistoryVerification? Broken { get; private set; }

    /// <summary>Checks the next entry; false once the chain is broken (further entries are not looked at).</summary>
    public bool Check(HistoryEntry entry)
    {
        if (Broken is not null)
        {
            return false;
        }

        var expected = Checked + 1;
        var problem = entry.Sequence != expected ? $"entry {expected} is missing"
            : entry.PreviousHash != _previous ? "its link to the entry before is broken"
            : !chain.Verifies(entry, out var missingKey) ? missingKey is null
                ? $"its content does not match its hash under key {entry.KeyId ?? chain.KeyId}"
                : $"it was sealed with key {missingKey}, which this host does not have: it cannot be verified"
            : null;
        if (problem is not null)
        {
            Broken = new(false, Checked, expected, $"Entry {expected}: {problem}.");
            return false;
        }

        _previous = entry.Hash;
        Checked = expected;
        return true;
    }

    /// <summary>The verdict once every entry was given: intact only when the chain reaches the state row's last entry and hash.</summary>
    public HistoryVerification Finish() =>
        Broken
        ?? (Checked != lastSequence || _previous != lastHash
            ? new(false, Checked, Checked + 1, $"The history ends at entry {Checked} but the instance recorded {lastSequence} entries.")
            : new(true, Checked, null, null));
}
