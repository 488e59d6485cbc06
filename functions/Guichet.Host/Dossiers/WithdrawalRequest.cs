namespace Guichet.Host.Dossiers;

/// <summary>The body of <c>POST /api/dossiers/{id}/withdraw</c>.</summary>
/// <param name="Reason">Why the prescriber withdraws the request (required, up to 4,000 characters).</param>
public sealed record WithdrawalRequest(string? Reason);
