using System.Globalization;
using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Ranking;

/// <summary>
/// What a dossier brings to the ranking, read from its state (a commission's agenda, before it is admissible) or
/// from its waiting-list row (<see cref="DossierRows.WaitingListRowOf"/>), so that both rank a dossier alike: the
/// social reading's assessment replaces the request's for housing, and for anchoring where the reader gave one.
/// </summary>
public static class RankingInputs
{
    /// <summary>The input of a dossier whose two readings are recorded.</summary>
    /// <exception cref="ArgumentException">A reading is missing.</exception>
    public static RankingInput Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var medical = dossier.Medical ?? throw new ArgumentException($"Dossier {dossier.Id} has no medical reading to rank it by.", nameof(dossier));
        var social = dossier.Social ?? throw new ArgumentException($"Dossier {dossier.Id} has no social reading to rank it by.", nameof(dossier));
        var request = dossier.FirstRequest;
        return new RankingInput(
            dossier.Id,
            dossier.FirstRequestAt,
            medical.Severity,
            social.Vulnerability,
            social.Housing,
            RankingInput.AnchoringStart(social.Anchoring.Since ?? request.Social.Anchoring.Since),
            social.Anchoring.Departments.Count > 0 ? social.Anchoring.Departments : request.Social.Anchoring.Departments,
            request.Wishes.Departments)
        {
            PriorityOverride = dossier.Commission?.PriorityOverride,
        };
    }

    /// <summary>The input a waiting-list row stands for, the commission's override included; a spelling this version does not know counts as none.</summary>
    public static RankingInput Of(WaitingListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new RankingInput(
            row.DossierId,
            row.FirstRequestAt,
            row.MedicalSeverity,
            row.SocialVulnerability,
            WireName.TryParse<HousingSituation>(row.Housing, out var housing) ? housing : HousingSituation.Other,
            DateOnly.TryParseExact(row.FollowedInRegionSince, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) ? since : null,
            WireName.ParseList<Department>(row.AnchoringDepartments),
            WireName.ParseList<Department>(row.WishedDepartments))
        {
            PriorityOverride = row.PriorityOverride,
        };
    }

    /// <summary>What the preview of a grid groups a waiting-list row by.</summary>
    public static DossierProfile ProfileOf(WaitingListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var anchoring = WireName.ParseList<Department>(row.AnchoringDepartments);
        var wishes = WireName.ParseList<Department>(row.WishedDepartments);
        return new DossierProfile(
            WireName.TryParse<Sex>(row.Sex, out var sex) ? sex : Sex.Unknown,
            row.BirthYear,
            anchoring.Count > 0 ? anchoring[0] : wishes.Count > 0 ? wishes[0] : null,
            WireName.ParseList<PathologyGroup>(row.PathologyGroups));
    }
}
