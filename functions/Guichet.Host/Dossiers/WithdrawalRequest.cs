using System.ComponentModel.DataAnnotations;

namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/withdraw</c>.</summary>
public sealed record WithdrawalRequest
{
    /// <summary>Why the prescriber withdraws the request, up to 4,000 characters.</summary>
    [Required]
    public string? Reason { get; init; }
}
