using Guichet.Deciders;
using Guichet.Domain.Commissions;

namespace Guichet.Domain.Dossiers;

// The admissibility commission's part: the agenda, and its decision (invariants 2 and 4).
public sealed partial class DossierDecider
{
    /// <summary>
    /// A session takes the dossier on its agenda. The latest agenda wins: a dossier a closed session carried over
    /// moves to the next one, whose decision alone it then applies.
    /// </summary>
    private static Decision<Dossier> TakeOnAgenda(Dossier dossier, string sessionId)
    {
        if (string.IsNullOrWhiteSpace(sessionId))
        {
            return Decision.Reject("Une inscription à l'ordre du jour nomme sa séance.");
        }

        return dossier.Commission is { Verdict: null } agenda && agenda.SessionId == sessionId
            ? dossier
            : dossier with { Commission = new CommissionOutcome(sessionId, null, null, null, null, null) };
    }

    /// <summary>
    /// The session whose agenda holds the dossier decides: admissible puts it on the waiting list (invariant 2:
    /// only a dossier with both readings eligible waits for a commission); not admissible ends it, with a code and
    /// a justification (invariant 4); adjourned leaves it for the next agenda, with a justification, and tells the
    /// prescribers. A malformed decision is refused and changes nothing.
    /// </summary>
    private static Decision<Dossier> ApplyDecision(Dossier dossier, CommissionDecided decided, DateTimeOffset now)
    {
        if (dossier.Commission is not { Verdict: null } agenda || agenda.SessionId != decided.SessionId)
        {
            return Decision.Reject($"Ce dossier n'est pas à l'ordre du jour de la séance {decided.SessionId}.");
        }

        if (CommissionRules.Check(decided.Verdict, decided.Code, decided.Justification, decided.PriorityOverride) is { } refusal)
        {
            return refusal;
        }

        if (!DossierLifecycle.BothReadingsEligible(dossier))
        {
            return Decision.Reject("Une décision de la commission demande les deux lectures, médicale et sociale, concluant à l'éligibilité.");
        }

        var justification = decided.Justification?.Trim() is { Length: > 0 } text ? text : null;
        var outcome = new CommissionOutcome(decided.SessionId, decided.Verdict, decided.Code, justification, decided.PriorityOverride?.Trim(), now);
        var next = dossier with { Commission = outcome };
        return decided.Verdict switch
        {
            CommissionVerdict.NotAdmissible => next with
            {
                End = new DossierEnd(DossierStatus.NotAdmissible, now, $"Non admissible ({WireName.Of(decided.Code!.Value)}) : {justification}", null),
            },
            CommissionVerdict.Adjourned => Decision.Accept(next, DossierOutcome.Tell(next, $"Examen ajourné par la commission : {justification}", now)),
            _ => next,
        };
    }
}
