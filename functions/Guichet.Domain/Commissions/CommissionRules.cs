using Guichet.Deciders;

namespace Guichet.Domain.Commissions;

/// <summary>
/// What makes a commission's decision well-formed (invariant 4, DESIGN §3), checked alike by the session that
/// records it and by the dossier that applies it; and how many rank overrides a session may make.
/// </summary>
public static class CommissionRules
{
    private const string CodeExpected =
        "Une décision de non-admissibilité doit porter un code de la nomenclature : not-eligible-device, no-chronic-condition, needs-hospital-care, incomplete-file ou other.";

    /// <summary>
    /// Why a decision is refused, or null when it is well-formed: not admissible needs a code of the nomenclature
    /// and a justification; an adjournment needs a justification; a code goes with not admissible only; a rank
    /// override goes with admissible only, and says why.
    /// </summary>
    public static Rejection? Check(CommissionVerdict verdict, NonAdmissibilityCode? code, string? justification, string? priorityOverride) => verdict switch
    {
        _ when !Enum.IsDefined(verdict) => Rejection.Because("La décision doit être admissible, not-admissible ou adjourned."),
        _ when code is { } c && !Enum.IsDefined(c) => Rejection.Because(CodeExpected),
        CommissionVerdict.NotAdmissible when code is null => Rejection.Because(CodeExpected),
        CommissionVerdict.NotAdmissible when string.IsNullOrWhiteSpace(justification) =>
            Rejection.Because("Une décision de non-admissibilité doit être justifiée : la justification est vide."),
        CommissionVerdict.Adjourned when string.IsNullOrWhiteSpace(justification) =>
            Rejection.Because("Un ajournement doit être motivé : la justification est vide."),
        not CommissionVerdict.NotAdmissible when code is not null =>
            Rejection.Because("Un code de non-admissibilité ne s'emploie qu'avec une décision de non-admissibilité."),
        not CommissionVerdict.Admissible when priorityOverride is not null =>
            Rejection.Because("Une dérogation au rang ne s'applique qu'à une décision d'admissibilité."),
        CommissionVerdict.Admissible when priorityOverride is not null && string.IsNullOrWhiteSpace(priorityOverride) =>
            Rejection.Because("Une dérogation au rang doit être motivée : le motif est vide."),
        _ => null,
    };

    /// <summary>
    /// How many decisions of a session may override the grid's order, given its admissibility decisions:
    /// <paramref name="cap"/> (10 % by default) of them, rounded down, but at least one when the cap is not zero,
    /// so that a session of few decisions may still override once (a cap of zero forbids overrides). The base is
    /// the admissibility decisions, as the cap is specified, not the agenda: a session that carries most of its
    /// agenda over cannot override more than its share of what it decided. A decision with an override counts
    /// itself among the admissible decisions it is checked against.
    /// </summary>
    public static int OverrideAllowance(double cap, int admissibleDecisions)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(admissibleDecisions);
        if (double.IsNaN(cap) || cap <= 0)
        {
            return 0;
        }

        // The small epsilon keeps 0.29 × 100 = 28.999… at 29.
        var share = (int)Math.Floor((Math.Min(cap, 1) * admissibleDecisions) + 1e-9);
        return Math.Max(1, share);
    }
}
