namespace Guichet.Deciders;

/// <summary>
/// A rule that says no, with its reason: converts to a <see cref="Decision{TState}"/> of any workflow, so that
/// a rule reads <c>Rejection.Because("Un refus doit être motivé.")</c>.
/// </summary>
/// <param name="Reason">Why, in words shown to the person who sent the event.</param>
public sealed record Rejection(string Reason)
{
    /// <summary>A rejection for <paramref name="reason"/>.</summary>
    public static Rejection Because(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new(reason);
    }
}
