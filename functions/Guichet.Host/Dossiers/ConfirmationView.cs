using Guichet.Domain.Dossiers;

namespace Guichet.Host.Dossiers;

/// <summary>Where a waiting dossier is with its periodic confirmation by its prescriber.</summary>
/// <param name="DueAt">When the next confirmation is due.</param>
/// <param name="AskedAgainAt">When the date passed unconfirmed and the prescribers and the guichet were asked again; null before.</param>
/// <param name="ClosesAt">When the dossier expires unless confirmed, once asked again; null before.</param>
/// <param name="LastConfirmedAt">When it was last confirmed; null if not since it entered the list.</param>
/// <param name="LastNote">The last confirmation's note; null for prescribers (it may be another organisation's words).</param>
public sealed record ConfirmationView(DateTimeOffset DueAt, DateTimeOffset? AskedAgainAt, DateTimeOffset? ClosesAt, DateTimeOffset? LastConfirmedAt, string? LastNote)
{
    internal static ConfirmationView? Of(Dossier dossier, DossierReader reader) =>
        dossier.End is null && dossier.Confirmation is { } c
            ? new(c.DueAt, c.AskedAgainAt, c.ClosesAt, c.LastConfirmedAt, reader.SeesAll ? c.LastNote : null)
            : null;
}
