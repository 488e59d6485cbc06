namespace Guichet.Host.Stays;

/// <summary>The renewal of an LHSS stay on a medical opinion.</summary>
/// <param name="OpinionAuthor">The physician who gave the opinion (required).</param>
/// <param name="Opinion">The opinion's content, if given: medical, shown back to medical roles only.</param>
/// <param name="Renews">The planned end it extends (AAAA-MM-JJ); the current one when left out. Give it to retry safely.</param>
public sealed record StayRenewalRequest(string? OpinionAuthor, string? Opinion, DateOnly? Renews);
