namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/duplicates/{otherId}</c>.</summary>
/// <param name="Merge">True to merge this dossier into the other (the same person); false to keep them apart (required).</param>
/// <param name="Reason">Why, as the reviewer says it (required, up to 4,000 characters).</param>
public sealed record DuplicateReviewRequest(bool? Merge, string? Reason);
