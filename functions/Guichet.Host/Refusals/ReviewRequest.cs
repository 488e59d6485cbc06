using System.ComponentModel.DataAnnotations;

namespace Guichet.Host.Refusals;

/// <summary>The body of <c>POST /api/dossiers/{id}/refusals/{candidacyId}/review</c>.</summary>
public sealed record ReviewRequest
{
    /// <summary>"uphold" to maintain the refusal, "overturn" to annul it.</summary>
    [Required]
    public string? Verdict { get; init; }

    /// <summary>Why, up to 4,000 characters.</summary>
    [Required]
    public string? Reason { get; init; }
}
