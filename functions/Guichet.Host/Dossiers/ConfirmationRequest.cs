namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/confirmation</c>, optional.</summary>
public sealed record ConfirmationRequest
{
    /// <summary>What the one who confirms adds (the person's situation, a new contact), up to 4,000 characters.</summary>
    public string? Note { get; init; }
}
