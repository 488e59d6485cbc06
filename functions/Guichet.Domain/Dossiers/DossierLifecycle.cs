using Guichet.Domain.Commissions;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// How a dossier's status follows from its state (DESIGN §3), in one place: an end says it; an open question
/// means the prescriber must answer; an admissible decision puts it on the waiting list, proposed while a candidacy awaits a structure's answer; two eligible readings
/// make it wait for a commission; a reading recorded or a question answered means it is under review.
/// </summary>
public static class DossierLifecycle
{
    /// <summary>The status of <paramref name="dossier"/>.</summary>
    public static DossierStatus StatusOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        if (dossier.End is { } end)
        {
            return end.Status;
        }

        if (dossier.Information is not null)
        {
            return DossierStatus.NeedsInformation;
        }

        if (dossier.Commission is { Verdict: CommissionVerdict.Admissible })
        {
            return dossier.PendingCandidacy is null ? DossierStatus.WaitingList : DossierStatus.Proposed;
        }

        if (BothReadingsEligible(dossier))
        {
            return DossierStatus.AwaitingCommission;
        }

        return dossier.Medical is not null || dossier.Social is not null || dossier.Answered.Count > 0
            ? DossierStatus.UnderReview
            : DossierStatus.Received;
    }

    /// <summary>Whether both readings are recorded and say eligible: what a commission's decision needs (invariant 2).</summary>
    public static bool BothReadingsEligible(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return dossier.Medical is { Verdict: ReadingVerdict.Eligible } && dossier.Social is { Verdict: ReadingVerdict.Eligible };
    }

    /// <summary>Whether a reading of <paramref name="kind"/> is still to do: none recorded, and the dossier has not ended.</summary>
    public static bool IsToDo(Dossier dossier, ReadingKind kind)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return dossier.End is null && (kind == ReadingKind.Medical ? dossier.Medical is null : dossier.Social is null);
    }
}
