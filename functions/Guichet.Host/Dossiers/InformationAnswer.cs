using System.ComponentModel.DataAnnotations;

namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/information</c>.</summary>
public sealed record InformationAnswer
{
    /// <summary>The prescriber's answer to the open question, up to 4,000 characters.</summary>
    [Required]
    public string? Answer { get; init; }
}
