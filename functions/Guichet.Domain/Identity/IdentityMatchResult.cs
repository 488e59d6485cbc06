namespace Guichet.Domain.Identity;

/// <summary>The outcome of comparing two identities: how sure, and why.</summary>
/// <param name="Level">None, possible or sure.</param>
/// <param name="Reasons">What was found, in the order of <see cref="MatchReason"/>: the same whichever identity comes first.</param>
public sealed record IdentityMatchResult(MatchLevel Level, IReadOnlyList<MatchReason> Reasons);
