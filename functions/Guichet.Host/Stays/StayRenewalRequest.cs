namespace Guichet.Host.Stays;

/// <summary>The renewal of an LHSS stay on a medical opinion.</summary>
/// <param name="OpinionAuthor">The physician who gave the opinion (required).</param>
/// <param name="Opinion">The opinion's content, if given: medical, shown back to medical roles only.</param>
/// <param name="Renews">The planned end it extends (AAAA-MM-JJ), required for an LHSS stay: a retry then renews it once.</param>
public sealed record StayRenewalRequest(string? OpinionAuthor = null, string? Opinion = null, DateOnly? Renews = null);
