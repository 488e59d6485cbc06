using Guichet.Domain.Dossiers;

namespace Guichet.Host.Dossiers;

/// <summary>A waiting dossier whose confirmation date passed unconfirmed: whom the guichet calls, and by when.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Device">The device, as on the wire.</param>
/// <param name="Status">"waiting-list", or "proposed" (its expiry then waits for the structure's answer).</param>
/// <param name="DueAt">The confirmation's date that passed.</param>
/// <param name="AskedAgainAt">When the prescribers and the guichet were asked again.</param>
/// <param name="ClosesAt">When the dossier expires unless confirmed.</param>
/// <param name="Prescribers">The names of its requests' prescribers.</param>
/// <param name="Requests">Its requests, by prescriber and reference.</param>
public sealed record AwaitingConfirmationView(
    string DossierId, string Device, string Status, DateTimeOffset DueAt, DateTimeOffset AskedAgainAt, DateTimeOffset ClosesAt, IReadOnlyList<string> Prescribers, IReadOnlyList<WaitingRequest> Requests)
{
    internal static AwaitingConfirmationView Of(AwaitingConfirmationRow row) => new(
        row.DossierId,
        row.Device,
        row.Status,
        row.DueAt,
        row.AskedAgainAt,
        row.ClosesAt,
        row.Prescribers.Split("; ", StringSplitOptions.RemoveEmptyEntries),
        WaitingRequest.Of(row.Requests));
}
