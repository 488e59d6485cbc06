using Guichet.Domain.Placement;

namespace Guichet.Domain.Stays;

// The events of the stay workflow: one record per event name (the names are in StayEventNames).

/// <summary>What a stay starts from: the admission its dossier confirmed, as the filled vacancy knows it.</summary>
/// <param name="DossierId">The admitted dossier.</param>
/// <param name="VacancyId">The vacancy filled.</param>
/// <param name="StructureName">The structure's name.</param>
/// <param name="Place">The place.</param>
/// <param name="EntryDate">The entry date of the admission.</param>
public sealed record StartStay(string DossierId, string VacancyId, string StructureName, FreePlace Place, DateOnly EntryDate);

/// <summary>What may happen to a stay.</summary>
public abstract record StayEvent;

/// <summary>"exit-recorded": the person left, on <paramref name="Date"/>, for <paramref name="Destination"/>.</summary>
/// <param name="Date">The day they left: not before the entry, not after today.</param>
/// <param name="Destination">Where they went, from the closed list.</param>
/// <param name="Note">A note, if any.</param>
public sealed record ExitRecorded(DateOnly Date, StayDestination Destination, string? Note) : StayEvent;

/// <summary>"renewal-recorded": an LHSS stay is renewed for another period on a medical opinion.</summary>
/// <param name="Renews">The planned end this renewal extends: a renewal sent twice extends it once.</param>
/// <param name="OpinionAuthor">The physician who gave the opinion.</param>
/// <param name="Opinion">The opinion's content, if given (medical).</param>
public sealed record RenewalRecorded(DateOnly Renews, string OpinionAuthor, string? Opinion) : StayEvent;

/// <summary>"stay-reminder", a timer: the planned end of an LHSS stay is near.</summary>
/// <param name="PlannedEnd">The planned end it was set for.</param>
public sealed record StayReminderDue(DateOnly PlannedEnd) : StayEvent;

/// <summary>"stay-end", a timer: the planned end of an LHSS stay is reached.</summary>
/// <param name="PlannedEnd">The planned end it was set for.</param>
public sealed record StayEndDue(DateOnly PlannedEnd) : StayEvent;
