using System.ComponentModel.DataAnnotations;

namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/duplicates/{otherId}</c>.</summary>
public sealed record DuplicateReviewRequest
{
    /// <summary>True to merge this dossier into the other (the same person); false to keep them apart.</summary>
    [Required]
    public bool? Merge { get; init; }

    /// <summary>Why, as the reviewer says it, up to 4,000 characters.</summary>
    [Required]
    public string? Reason { get; init; }
}
