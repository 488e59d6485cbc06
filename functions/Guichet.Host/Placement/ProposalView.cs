using Guichet.Domain;
using Guichet.Domain.Placement;

namespace Guichet.Host.Placement;

/// <summary>
/// A proposal of the matching as the ARS or the commission checks it: the candidates, and the dossiers ranked above
/// them that were skipped, and why. A reason that stems from a care need (psychiatric support, dialysis, nursing care,
/// substance use, reduced mobility) names a named dossier's medical need: without <c>reader.medical</c> it is shown as
/// one generic reason, <see cref="CareNeedNotCovered"/>.
/// </summary>
/// <param name="At">When the matching proposed.</param>
/// <param name="By">Who asked for it, when a person did.</param>
/// <param name="Match">The ranking used, the candidates and the skipped dossiers.</param>
public sealed record ProposalView(DateTimeOffset At, string? By, MatchView Match)
{
    /// <summary>The generic reason a non-medical reader sees for any care-need reason.</summary>
    public const string CareNeedNotCovered = "care-need-not-covered";

    /// <summary>Its French text.</summary>
    public const string CareNeedNotCoveredText = "Besoin de soins non couvert par la place.";

    private static readonly HashSet<SkipReason> CareNeedReasons =
        [SkipReason.SubstanceUseNotAccepted, SkipReason.NotAccessible, SkipReason.NoPsychiatricSupport, SkipReason.NotNearDialysis, SkipReason.NoDailyNursingCare];

    /// <summary>The view of <paramref name="proposal"/>; the care-need reasons collapsed unless <paramref name="medical"/>.</summary>
    public static ProposalView Of(Proposal proposal, bool medical)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        var match = proposal.Match;
        return new(proposal.At, proposal.By, new(match.GridVersion, match.RankedAt, match.Candidates, [.. match.Skipped.Select(s => SkippedView.Of(s, medical))], SummaryView.Of(match.SummaryOrCounted(), medical)));
    }

    /// <summary>The reasons' wire names and text as <paramref name="medical"/> or not may read them.</summary>
    internal static (IReadOnlyList<string> Reasons, string Explanation) Reasons(IReadOnlyList<SkipReason> reasons, bool medical)
    {
        if (medical || !reasons.Any(CareNeedReasons.Contains))
        {
            return ([.. reasons.Select(r => WireName.Of(r))], SkipReasons.Explain(reasons));
        }

        var others = reasons.Where(r => !CareNeedReasons.Contains(r)).ToList();
        return ([.. others.Select(r => WireName.Of(r)), CareNeedNotCovered], string.Join(" ", others.Select(SkipReasons.Text).Append(CareNeedNotCoveredText)));
    }
}

/// <summary>The matching's result as <see cref="ProposalView"/> shows it.</summary>
/// <param name="GridVersion">The priority grid's version the ranking used.</param>
/// <param name="RankedAt">When the ranking was read.</param>
/// <param name="Candidates">The proposed candidates.</param>
/// <param name="Skipped">The dossiers ranked above a candidate and skipped, when they travelled with the proposal (a short list).</param>
/// <param name="Summary">The skipped dossiers counted by reason, with the key of their full record (<c>…/skipped/{recordKey}</c>).</param>
public sealed record MatchView(int GridVersion, DateTimeOffset RankedAt, IReadOnlyList<ProposedCandidate> Candidates, IReadOnlyList<SkippedView> Skipped, SummaryView Summary);

/// <summary>The skipped dossiers counted by reason, the care-need reasons counted as one for non-medical readers.</summary>
/// <param name="Dossiers">How many dossiers were passed over.</param>
/// <param name="ByReason">How many for each reason's wire name.</param>
/// <param name="RecordKey">The key of the full record, when one was written.</param>
public sealed record SummaryView(int Dossiers, IReadOnlyList<ReasonCount> ByReason, string? RecordKey)
{
    internal static SummaryView Of(SkippedSummary summary, bool medical)
    {
        var byReason = summary.ByReason
            .GroupBy(c => ProposalView.Reasons([c.Reason], medical).Reasons[^1], StringComparer.Ordinal)
            .Select(g => new ReasonCount(g.Key, g.Sum(c => c.Dossiers)))
            .ToList();
        return new(summary.Dossiers, byReason, summary.RecordKey);
    }
}

/// <summary>A skipped dossier and why, the care-need reasons collapsed for non-medical readers.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Rank">Its rank.</param>
/// <param name="Reasons">The reasons' codes.</param>
/// <param name="Explanation">Their French text.</param>
public sealed record SkippedView(string DossierId, int Rank, IReadOnlyList<string> Reasons, string Explanation)
{
    internal static SkippedView Of(SkippedDossier skipped, bool medical)
    {
        var (reasons, explanation) = ProposalView.Reasons(skipped.Reasons, medical);
        return new(skipped.DossierId, skipped.Rank, reasons, explanation);
    }
}

/// <summary>How many skipped dossiers one reason counts.</summary>
/// <param name="Reason">The reason's wire name.</param>
/// <param name="Dossiers">How many.</param>
public sealed record ReasonCount(string Reason, int Dossiers);
