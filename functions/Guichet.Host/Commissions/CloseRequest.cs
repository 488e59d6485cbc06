namespace Guichet.Host.Commissions;

/// <summary>The body of a session's closing, optional.</summary>
/// <param name="Note">Anything the minutes should say.</param>
public sealed record CloseRequest(string? Note);
