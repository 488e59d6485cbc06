using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Deciders;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// The dossier's rules on generated histories: any sequence of events, well-formed or not, in any order and at
/// any pace. Whatever is accepted or refused, the invariants hold after every step.
/// </summary>
public sealed class DossierProperties
{
    private static readonly Prescriber[] Prescribers = [Maraude, Avicenne, new("ccas-saint-denis", PrescriberType.SocialService, "CCAS de Saint-Denis")];

    private static readonly DossierStatus[] Derivable =
    [
        DossierStatus.Received, DossierStatus.UnderReview, DossierStatus.NeedsInformation, DossierStatus.AwaitingCommission,
        DossierStatus.WaitingList, DossierStatus.NotAdmissible, DossierStatus.Withdrawn, DossierStatus.Closed, DossierStatus.Merged,
    ];

    private static Gen<string?> Text(string text) => Gen.Elements<string?>(text, text, text, null, " ");

    private static Gen<DossierRequest> Requests() =>
        from prescriber in Gen.Elements(Prescribers)
        from reference in Gen.Elements("R-1", "R-2")
        from daysAgo in Gen.Choose(-5, 200)
        from device in Gen.Elements(Device.Act, Device.Act, Device.Act, Device.Lam)
        select Request(prescriber, reference, Now.AddDays(-daysAgo), device);

    private static Gen<DossierEvent> Readings() =>
        from medical in Gen.Elements(true, false)
        from verdict in Gen.Frequency((6, Gen.Constant(ReadingVerdict.Eligible)), (1, Gen.Constant(ReadingVerdict.Ineligible)), (2, Gen.Constant(ReadingVerdict.NeedsInformation)))
        from score in Gen.Frequency((9, Gen.Choose(0, 5)), (1, Gen.Elements(-1, 6)))
        from reason in Text("Relève d'une autre orientation.")
        from orientation in Gen.Elements<Orientation?>(Orientation.Hospital, Orientation.Lhss, null)
        from question in Text("Un document manque.")
        select medical
            ? (DossierEvent)Medical(verdict, score, reason, orientation, question)
            : Social(verdict, score, reason, orientation, question);

    private static Gen<DossierEvent> Decisions() =>
        from session in Gen.Elements(SessionId, SessionId, "S-NEXT")
        from verdict in Gen.Elements(Enum.GetValues<CommissionVerdict>())
        from code in Gen.Elements<NonAdmissibilityCode?>(NonAdmissibilityCode.Other, NonAdmissibilityCode.IncompleteFile, null)
        from justification in Text("Motivé.")
        from priorityOverride in Gen.Elements<string?>(null, null, "Urgence.", "")
        select (DossierEvent)new CommissionDecided(session, verdict, code, justification, priorityOverride);

    private static Gen<DossierEvent> Events() => Gen.Frequency(
        (6, Readings()),
        (3, Text("Voici les informations.").Select(a => (DossierEvent)new InformationProvided(a ?? ""))),
        (1, Gen.Constant<DossierEvent>(new InformationReminderDue())),
        (2, Gen.Constant<DossierEvent>(new InformationDeadlineDue())),
        (4, Gen.Elements(SessionId, "S-NEXT").Select(s => (DossierEvent)new PutOnAgenda(s))),
        (5, Decisions()),
        (2, Requests().Select(r => (DossierEvent)new RequestMerged(r, null, "Même INS."))),
        (2, Requests().Select(r => (DossierEvent)new RequestUpdated(r))),
        (1, from why in Text("Ne souhaite plus.")
            from prescriber in Gen.Elements<string?>(null, Maraude.Id, Avicenne.Id, Avicenne.Id, "ccas-saint-denis")
            select (DossierEvent)new Withdrawn(why ?? "", prescriber)),
        (1, Gen.Elements("D-OLDER", "D-OTHER", DossierId).Select(d => (DossierEvent)new MergedInto(d, "Même personne."))),
        (2, Gen.Elements("D-OLDER", "D-OTHER").Select(d => (DossierEvent)new MergeAccepted(d))),
        (1, from target in Gen.Elements("D-OLDER", "D-OTHER")
            from sent in Gen.Elements(DossierEventNames.DossierMerged, DossierEventNames.MergeAccepted)
            select (DossierEvent)new EventNotDelivered(target, sent, "Instance has ended.")),
        (1, Requests().ArrayOf().Select(r => (DossierEvent)new DossierMerged("D-YOUNGER", [.. r.Take(3)], "Même INS."))),
        (1, from other in Gen.Elements("D-OLDER", "D-OTHER")
            from merge in Gen.Elements(true, false, false)
            from reason in Text("Revu.")
            select (DossierEvent)new DuplicateReviewed(other, merge, reason ?? "")));

    /// <summary>Histories of up to 40 events, each some days after the one before.</summary>
    private static Arbitrary<(int Days, DossierEvent Event)[]> Histories() =>
        Gen.Zip(Gen.Elements(0, 0, 1, 3, 10, 31), Events()).ArrayOf().Select(steps => steps.Take(40).ToArray()).ToArbitrary();

    [Property(MaxTest = 400)]
    public Property EveryStep_KeepsTheInvariants() =>
        Prop.ForAll(Histories(), history =>
        {
            var scenario = Scenario();
            var started = scenario.Start(Open(null, new PossibleDuplicate("D-OLDER", ["mêmes noms"])));
            var dossier = started.Accepted();
            var readModel = new Dictionary<(string, string, string), object>();
            Replay(readModel, started);
            foreach (var (days, e) in history)
            {
                scenario.After(TimeSpan.FromDays(days));
                var decision = scenario.When(dossier, e);
                if (decision.IsRejected)
                {
                    Assert.Null(decision.State);
                    Assert.Empty(decision.Effects);
                    continue;
                }

                var before = dossier;
                dossier = decision.State!;
                Replay(readModel, decision);
                Holds(before, dossier, decision, readModel);
            }
        });

    /// <summary>The histories are worth something only if they reach every status the dossier can be in.</summary>
    [Fact]
    public void GeneratedHistories_ReachEveryStatus()
    {
        // Random histories: sampled in rounds until every status is reached, so a rare one (the waiting list needs a
        // long run of well-formed events) is not missed by chance; a status no history can reach still fails.
        var reached = new HashSet<DossierStatus>();
        for (var round = 0; round < 25 && !reached.SetEquals(Derivable); round++)
        {
            Reach(reached);
        }

        Assert.Equal(Derivable.Order(), reached.Order());
    }

    private static void Reach(HashSet<DossierStatus> reached)
    {
        foreach (var history in Histories().Generator.Sample(400, 40))
        {
            var scenario = Scenario();
            var dossier = scenario.Given(Open(null, new PossibleDuplicate("D-OLDER", ["mêmes noms"])));
            reached.Add(dossier.Status);
            foreach (var (days, e) in history)
            {
                scenario.After(TimeSpan.FromDays(days));
                var decision = scenario.When(dossier, e);
                dossier = decision.State ?? dossier;
                reached.Add(dossier.Status);
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property TheTwoReadings_InEitherOrder_GiveTheSameDossier() =>
        Prop.ForAll(Gen.Choose(0, 5).Two().ToArbitrary(), Gen.Choose(0, 2).ToArbitrary(), (scores, askFirst) =>
        {
            var medical = Medical(severity: scores.Item1);
            var social = Social(vulnerability: scores.Item2);
            DossierEvent[] asking = askFirst switch
            {
                1 => [MedicalAsks(), new InformationProvided("Voici.")],
                2 => [SocialAsks(), new InformationProvided("Voici.")],
                _ => [],
            };
            var scenario = Scenario();
            var medicalFirst = scenario.Given(Open(), [.. asking, medical, social]);
            var socialFirst = scenario.Given(Open(), [.. asking, social, medical]);

            Assert.Equal(DossierStatus.AwaitingCommission, medicalFirst.Status);
            Assert.Equal(medicalFirst.Status, socialFirst.Status);
            Assert.Equal(DossierRows.Of(medicalFirst), DossierRows.Of(socialFirst));
        });

    [Property(MaxTest = 200)]
    public Property FirstRequestAt_IsAlwaysTheEarliestRequest() =>
        Prop.ForAll(Requests().Where(r => r.Device == Device.Act).ArrayOf().ToArbitrary(), requests =>
        {
            var scenario = Scenario();
            var dossier = scenario.Given(Open());
            foreach (var request in requests)
            {
                dossier = scenario.When(dossier, new RequestMerged(request, null, "Même INS.")).Accepted();
            }

            Assert.Equal(dossier.Requests.Min(r => r.SubmittedAt), dossier.FirstRequestAt);
            Assert.True(dossier.FirstRequestAt <= requests.Select(r => r.SubmittedAt).Append(Request().SubmittedAt).Min());
        });

    private static void Holds(Dossier before, Dossier after, Decision<Dossier> decision, Dictionary<(string, string, string), object> readModel)
    {
        var status = after.Status;
        Assert.Contains(status, Derivable);
        Assert.Equal(after.Requests.Min(r => r.SubmittedAt), after.FirstRequestAt);
        // A request date never gets younger, but when the request that gave it is withdrawn (then the earliest still standing counts).
        if (after.Withdrawals.Count == before.Withdrawals.Count)
        {
            Assert.True(after.FirstRequestAt <= before.FirstRequestAt, "a request date never gets younger");
        }

        // Every request is held or withdrawn, never both, never twice.
        var keys = after.Requests.Select(r => r.Key).Concat(after.Withdrawals.Select(w => w.Request.Key)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(before.Requests.Concat(before.Withdrawals.Select(w => w.Request)).All(r => keys.Contains(r.Key)), "no request is dropped");

        // Invariant 2: the waiting list only with both readings eligible and an admissible decision.
        if (status == DossierStatus.WaitingList)
        {
            Assert.True(DossierLifecycle.BothReadingsEligible(after));
            Assert.Equal(CommissionVerdict.Admissible, after.Commission?.Verdict);
        }

        // Invariant 4: every outcome other than admission carries its reason.
        if (after.Commission is { Verdict: CommissionVerdict.NotAdmissible or CommissionVerdict.Adjourned } outcome)
        {
            Assert.False(string.IsNullOrWhiteSpace(outcome.Justification));
            Assert.Equal(outcome.Verdict == CommissionVerdict.NotAdmissible, outcome.Code is not null);
        }

        if (after.End is { } end)
        {
            Assert.False(string.IsNullOrWhiteSpace(end.Reason));
        }

        Assert.All(new[] { after.Medical?.Severity, after.Social?.Vulnerability }, s => Assert.InRange(s ?? 0, 0, 5));

        // Every status change is told once to each request's prescriber; the end completes, once.
        var messages = decision.Messages();
        if (before.Status != status)
        {
            Assert.Equal(after.Requests.Select(r => (r.Prescriber.Id, r.ExternalRef)), messages.Select(m => (m.PrescriberId, m.ExternalRef)));
            Assert.All(messages, m => Assert.Equal(WireName.Of(status), m.Status));
        }

        Assert.Equal(before.End is null && after.End is not null, decision.Completes());

        // One owner per row: every row the dossier writes or removes is keyed by the dossier itself.
        Assert.All(decision.Effects.OfType<Project>(), p => Assert.True(IsOwnKey(p.RowKey, after.Id), $"{p.Table}/{p.PartitionKey}/{p.RowKey} is not {after.Id}'s"));

        // The read model written step after step is the one the state stands for.
        var expected = DossierRows.Of(after).ToDictionary(p => (p.Table, p.PartitionKey, p.RowKey), p => p.Row!);
        Assert.Equal(expected.OrderBy(p => p.Key), readModel.OrderBy(p => p.Key));
    }

    private static bool IsOwnKey(string rowKey, string dossierId) =>
        rowKey == dossierId || rowKey.StartsWith(dossierId + "~", StringComparison.Ordinal) || rowKey.EndsWith("|" + dossierId, StringComparison.Ordinal);

    private static void Replay(Dictionary<(string, string, string), object> readModel, Decision<Dossier> decision)
    {
        foreach (var p in decision.Effects.OfType<Project>())
        {
            if (p.Row is null)
            {
                readModel.Remove((p.Table, p.PartitionKey, p.RowKey));
            }
            else
            {
                readModel[(p.Table, p.PartitionKey, p.RowKey)] = p.Row;
            }
        }
    }
}
