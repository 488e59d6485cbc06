using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;

namespace Guichet.Host.Dossiers;

/// <summary>
/// The refusals a dossier received, as its reader may see them: a prescriber sees only the contests of its own
/// organisation (another prescriber's, or the guichet's, are not its business); the justification of a "not eligible"
/// refusal speaks of the person's health, so it is for medical readers only (the code and the structure stay).
/// </summary>
internal static class RefusalsView
{
    /// <summary>The refusals <paramref name="reader"/> may see, or null when the dossier received none.</summary>
    public static IReadOnlyList<DossierRefusal>? Of(Dossier dossier, DossierReader reader) =>
        dossier.Refusals.Count > 0 ? [.. dossier.Refusals.Select(r => ForReader(r, reader))] : null;

    private static DossierRefusal ForReader(DossierRefusal refusal, DossierReader reader)
    {
        var shown = refusal;
        if (!reader.SeesAll && refusal.Contest is { } contest && !string.Equals(contest.PrescriberId, reader.Org, StringComparison.Ordinal))
        {
            shown = shown with { Contest = null };
        }

        return !reader.SeesMedical && refusal.Code is { } code && RefusalCodes.FamilyOf(code) == RefusalFamily.NotEligible
            ? shown with { Justification = null }
            : shown;
    }
}
