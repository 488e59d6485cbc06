namespace Guichet.Deciders;

/// <summary>
/// A rule that says no, with its reason: converts to a <see cref="Decision{TState}"/> of any workflow, so that
/// a rule reads <c>Rejection.Because("Un refus doit être motivé.")</c>.
/// </summary>
public sealed record Rejection
{
    /// <summary>A rejection for <paramref name="reason"/>, which may not be blank: a refusal always says why.</summary>
    public Rejection(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        Reason = reason;
    }

    /// <summary>Why, in words shown to the person who sent the event.</summary>
    public string Reason { get; }

    /// <summary>A rejection for <paramref name="reason"/>.</summary>
    public static Rejection Because(string reason) => new(reason);
}
