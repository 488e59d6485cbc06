namespace Guichet.Host.Dossiers;

/// <summary>The dossier that holds a request, as the read model <c>DossierRequests</c> has it (it may lag a step behind the dossier).</summary>
/// <param name="DossierId">The dossier, to read at <c>/api/dossiers/{id}</c>.</param>
/// <param name="Device">The device, as on the wire ("ACT").</param>
/// <param name="Status">The dossier's status, as on the wire ("needs-information").</param>
/// <param name="SubmittedAt">When the request was submitted.</param>
/// <param name="Reason">Why it is where it is: its end's reason, or the question the prescriber must answer.</param>
public sealed record RequestDossier(string DossierId, string Device, string Status, DateTimeOffset SubmittedAt, string? Reason);
