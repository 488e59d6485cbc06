using Guichet.Domain.Commissions;
using Guichet.Domain.Ranking;
using Guichet.Domain.Tests.Deciding;

namespace Guichet.Domain.Tests.Commissions;

/// <summary>A monthly ACT session and the decisions it takes.</summary>
internal static class SessionExamples
{
    public const string SessionId = "S-ACT-2026-12";

    public static readonly DateTimeOffset Sitting = new(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);

    public static Scenario<OpenSession, CommissionSession, CommissionEvent> Scenario() => new(new CommissionSessionDecider(), SessionId, Sitting);

    /// <summary>A session whose agenda holds <paramref name="size"/> dossiers, D-01 first.</summary>
    public static OpenSession Opening(int size = 3, double cap = 0.10) => new(
        Device.Act,
        Sitting,
        Sitting.AddDays(-7),
        [.. Enumerable.Range(1, size).Select(i => new AgendaItem(Dossier(i), i, 60 - i, [new ExplanationLine("medical-severity", "severity-4", "gravité 4/5", 16)]))],
        1,
        cap,
        null);

    public static string Dossier(int rank) => $"D-{rank:D2}";

    public static DecisionRecorded Admissible(int rank, string? priorityOverride = null) =>
        new(Dossier(rank), CommissionVerdict.Admissible, null, null, priorityOverride);

    public static DecisionRecorded NotAdmissible(int rank, NonAdmissibilityCode? code = NonAdmissibilityCode.NeedsHospitalCare, string? justification = "Relève de soins hospitaliers aigus.") =>
        new(Dossier(rank), CommissionVerdict.NotAdmissible, code, justification, null);

    public static DecisionRecorded Adjourned(int rank, string? justification = "Bilan attendu.") =>
        new(Dossier(rank), CommissionVerdict.Adjourned, null, justification, null);
}
