namespace Guichet.Host.Intake;

/// <summary>Where the first message of a request went: into a dossier of its own, or into an active dossier of the same person.</summary>
internal enum IntakeRoute
{
    /// <summary>It opened its own dossier (<c>DossierIds.For</c> its key).</summary>
    Created,

    /// <summary>It joined the active dossier of the same person and device (invariant 1).</summary>
    Merged,
}

/// <summary>
/// A request's key as the intake recorded it, before acting on it: the dossier it went to, the hash of the message
/// that first sent it (a delivery of that same message again replays its route), and the route.
/// </summary>
/// <param name="DossierId">The dossier that holds the request.</param>
/// <param name="Hash">The SHA-256 of the text of the message that first sent it.</param>
/// <param name="Route">Created or merged.</param>
/// <param name="ETag">The row's version, for a conditional change.</param>
internal sealed record IntakeKeyRow(string DossierId, string Hash, IntakeRoute Route, Azure.ETag ETag = default);
