namespace Guichet.Domain.Dossiers;

/// <summary>
/// Where a waiting dossier is with its periodic confirmation by its prescriber: the next date it is due, whether the
/// reminder went out, and, once the date passed without it, when the dossier closes unless confirmed.
/// </summary>
/// <param name="DueAt">When the next confirmation is due.</param>
/// <param name="Reminded">Whether the prescribers were reminded of that date.</param>
/// <param name="AskedAgainAt">When the date passed unconfirmed and the prescribers and the guichet were asked again; null before.</param>
/// <param name="ClosesAt">When the dossier closes as expired unless confirmed, once asked again; null before.</param>
/// <param name="LastConfirmedAt">When it was last confirmed; null if never since it entered the list.</param>
/// <param name="LastNote">The note of the last confirmation, if any.</param>
public sealed record WaitingConfirmation(
    DateTimeOffset DueAt,
    bool Reminded,
    DateTimeOffset? AskedAgainAt,
    DateTimeOffset? ClosesAt,
    DateTimeOffset? LastConfirmedAt,
    string? LastNote);
