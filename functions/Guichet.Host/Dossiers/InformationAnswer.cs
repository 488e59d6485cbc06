namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/information</c>.</summary>
/// <param name="Answer">The prescriber's answer to the open question (required, up to 4,000 characters).</param>
public sealed record InformationAnswer(string? Answer);
