using System.ComponentModel.DataAnnotations;

namespace Guichet.Host.Refusals;

/// <summary>The body of <c>POST /api/dossiers/{id}/refusals/{candidacyId}/contest</c>.</summary>
public sealed record ContestRequest
{
    /// <summary>Why the refusal is contested, up to 4,000 characters.</summary>
    [Required]
    public string? Reason { get; init; }
}
