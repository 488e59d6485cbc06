using System.Text.Json.Serialization;
using Guichet.Domain.Placement;

namespace Guichet.Domain.Stays;

/// <summary>
/// One person's stay in one place, from the admission the dossier confirmed to the exit: the place it holds (to declare
/// it free again with the same features), and for LHSS the planned end, its renewals and the alerts sent about it.
/// </summary>
/// <param name="Id">The stay's id (its instance id, <see cref="StayIds.Of"/>).</param>
/// <param name="DossierId">The admitted dossier.</param>
/// <param name="VacancyId">The vacancy it filled.</param>
/// <param name="StructureName">The structure's name, for alerts.</param>
/// <param name="Place">The place: structure, device, département, features.</param>
/// <param name="EntryDate">The day the person entered.</param>
/// <param name="StartedAt">When the stay was opened (the admission confirmed).</param>
/// <param name="PlannedEnd">For LHSS, the day the stay ends unless renewed; null for ACT and LAM.</param>
/// <param name="Renewals">Every renewal, in order.</param>
public sealed record Stay(
    string Id, string DossierId, string VacancyId, string StructureName, FreePlace Place, DateOnly EntryDate, DateTimeOffset StartedAt, DateOnly? PlannedEnd, IReadOnlyList<Renewal> Renewals)
{
    /// <summary>The planned end the structure was reminded of, once per planned end.</summary>
    public DateOnly? RemindedFor { get; init; }

    /// <summary>The planned end the ARS was alerted of (reached with neither renewal nor exit), once per planned end.</summary>
    public DateOnly? EndAlertedFor { get; init; }

    /// <summary>The exit, once recorded.</summary>
    public StayExit? Exit { get; init; }

    /// <summary>The status, derived.</summary>
    [JsonIgnore]
    public StayStatus Status =>
        Exit is not null ? StayStatus.Exited
        : PlannedEnd is { } end && EndAlertedFor == end ? StayStatus.PastPlannedEnd
        : StayStatus.Ongoing;
}

/// <summary>A renewal of an LHSS stay on a medical opinion.</summary>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="Renews">The planned end it extends.</param>
/// <param name="NewEnd">The planned end after it.</param>
/// <param name="OpinionAuthor">The physician who gave the medical opinion.</param>
/// <param name="Opinion">The opinion's content, if given: medical, shown to medical roles only.</param>
public sealed record Renewal(DateTimeOffset At, string? By, DateOnly Renews, DateOnly NewEnd, string OpinionAuthor, string? Opinion);

/// <summary>How a stay ended.</summary>
/// <param name="Date">The day the person left.</param>
/// <param name="Destination">Where they went.</param>
/// <param name="Note">A note, if any.</param>
/// <param name="At">When it was recorded.</param>
/// <param name="By">Who recorded it.</param>
/// <param name="NextVacancyId">The vacancy that declares the place free again.</param>
public sealed record StayExit(DateOnly Date, StayDestination Destination, string? Note, DateTimeOffset At, string? By, string NextVacancyId);
