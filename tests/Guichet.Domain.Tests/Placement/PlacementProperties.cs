using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Deciders;
using Guichet.Domain.Placement;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;
using static Guichet.Domain.Tests.Placement.PlacementExamples;

namespace Guichet.Domain.Tests.Placement;

/// <summary>
/// Invariants 3, 4 and 5 across several vacancies, on generated histories: the matching proposes from the pending set
/// the vacancies' states stand for; structures answer well or badly, in time or late; the clock runs; an admission is
/// told to the person's other vacancies (as the dossier will). After every step, whatever was accepted or refused: a
/// dossier is pending in one vacancy at most, a vacancy holds three pending at most and is filled by exactly one
/// admission, every refusal has a code and a justification, and every overdue candidacy was alerted exactly once to the
/// structure and once to the ARS.
/// </summary>
public sealed class PlacementProperties
{
    private static readonly FreePlace[] Places =
    [
        TraitDUnionPlace,
        FreePlace.Of(StructureCatalog.MaisonCheminVert, AvailableFrom),
        FreePlace.Of(StructureCatalog.All.Single(s => s.Id == "act-95-les-passerelles"), AvailableFrom),
    ];

    /// <summary>What happens next: who acts, on which vacancy, on which candidacy, how many hours pass, whether well-formed.</summary>
    public sealed record HistoryStep(int Kind, int Vacancy, int Pick, int Hours, bool WellFormed);

    private static Arbitrary<HistoryStep[]> Histories() =>
        (from kind in Gen.Choose(0, 3)
         from vacancy in Gen.Choose(0, Places.Length - 1)
         from pick in Gen.Choose(0, 8)
         from hours in Gen.Elements(0, 1, 24, 72, 200)
         from wellFormed in Gen.Frequency((4, Gen.Constant(true)), (1, Gen.Constant(false)))
         select new HistoryStep(kind, vacancy, pick, hours, wellFormed)).ArrayOf().ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Invariants3To5_HoldAfterEveryStep_AcrossVacancies() =>
        Prop.ForAll(Histories(), steps =>
        {
            var world = new World();
            foreach (var step in steps)
            {
                world.Play(step);
                world.Check();
            }
        });

    private sealed class World
    {
        private readonly VacancyDecider _decider = new();
        private readonly Vacancy[] _vacancies;
        private readonly Dictionary<string, PlacementNeeds> _waiting;
        private readonly Dictionary<string, int> _alerts = new(StringComparer.Ordinal);
        private readonly string[] _ranked;
        private DateTimeOffset _now = Now;
        private int _events;

        public World()
        {
            _ranked = [.. Enumerable.Range(1, 12).Select(Dossier)];
            _waiting = _ranked.Select((id, i) => Needs(id, care: i % 4 == 0 ? [CareNeed.NearDialysis] : [], partner: i % 3 == 0, pets: i % 5 == 0))
                .ToDictionary(n => n.DossierId, StringComparer.Ordinal);
            _vacancies = [.. Places.Select((p, i) => _decider.Start(new DeclareVacancy(p, p.StructureId), Context($"V-{i}", "start")).State!)];
        }

        public void Play(HistoryStep step)
        {
            var v = step.Vacancy;
            var open = _vacancies[v].Candidacies.Where(c => c.IsOpen).ToArray();
            var pick = open.Length > 0 ? open[step.Pick % open.Length].DossierId : Dossier(step.Pick + 1);
            switch (step.Kind)
            {
                case 0:
                    var pending = _vacancies.SelectMany(x => x.Candidacies).Where(c => c.IsPending).Select(c => c.DossierId).ToHashSet(StringComparer.Ordinal);
                    var here = _vacancies[v].Candidacies.Select(c => c.DossierId).ToHashSet(StringComparer.Ordinal);
                    var match = Matching.Propose(_vacancies[v].Place, Ranked(_ranked), _waiting, pending, here, _vacancies[v].OpenSlots);
                    Apply(v, new CandidatesProposed(match));
                    break;
                case 1 when step.Pick % 3 == 0:
                    Apply(v, new CandidacyDecided(pick, CandidacyDecision.Admit, step.WellFormed ? AvailableFrom : null));
                    break;
                case 1:
                    Apply(v, new CandidacyDecided(pick, CandidacyDecision.Refuse, null, RefusalCode.PersonUnreachable, step.WellFormed ? "Injoignable." : " "));
                    break;
                default:
                    _now = _now.AddHours(step.Hours);
                    Apply(v, new CandidacyClockDue());
                    break;
            }
        }

        public void Check()
        {
            var pending = _vacancies.SelectMany(v => v.Candidacies).Where(c => c.IsPending).Select(c => c.DossierId).ToArray();
            Assert.Equal(pending.Distinct().Count(), pending.Length);
            foreach (var v in _vacancies)
            {
                Assert.InRange(v.Candidacies.Count(c => c.IsPending), 0, Matching.CandidatesPerPlace);
                Assert.Equal(v.Status == VacancyStatus.Filled ? 1 : 0, v.Candidacies.Count(c => c.Status == CandidacyStatus.Admitted));
                Assert.Equal(v.Candidacies.Count, v.Candidacies.Select(c => c.DossierId).Distinct().Count());
                Assert.All(v.Candidacies.Where(c => c.Status == CandidacyStatus.Refused), c => Assert.False(c.Outcome!.Code is null || string.IsNullOrWhiteSpace(c.Outcome.Justification)));
                Assert.All(v.Candidacies.Where(c => c.OverdueAt is not null), c => Assert.Equal(2, _alerts.GetValueOrDefault(c.Id)));
                Assert.All(v.Candidacies.Where(c => c.OverdueAt is null), c => Assert.Equal(0, _alerts.GetValueOrDefault(c.Id)));
            }

            var admitted = _vacancies.SelectMany(v => v.Candidacies).Where(c => c.Status == CandidacyStatus.Admitted).Select(c => c.DossierId).ToArray();
            Assert.Equal(admitted.Distinct().Count(), admitted.Length);
        }

        private void Apply(int v, VacancyEvent happened)
        {
            var decision = _decider.Decide(_vacancies[v], happened, Context(_vacancies[v].Id, _decider.Events.NameOf(happened)));
            if (decision.IsRejected)
            {
                Assert.Empty(decision.Effects);
                return;
            }

            _vacancies[v] = decision.State!;
            foreach (var alert in decision.Effects.OfType<SendMessage>().Select(m => m.Body).OfType<PlacementAlert>().Where(a => a.Kind == PlacementAlert.Overdue))
            {
                _alerts[alert.CandidacyId] = _alerts.GetValueOrDefault(alert.CandidacyId) + 1;
            }

            // What the dossier will do when told it is admitted: leave the list, and end its other open candidacies.
            foreach (var ended in decision.Effects.OfType<SendEvent>().Select(e => e.Payload).OfType<CandidacyEnded>().Where(e => e.Status == CandidacyStatus.Admitted))
            {
                var dossier = ended.CandidacyId.Split('~')[1];
                _waiting.Remove(dossier);
                for (var other = 0; other < _vacancies.Length; other++)
                {
                    if (other != v && _vacancies[other].CandidacyOf(dossier) is { IsOpen: true })
                    {
                        Apply(other, new AdmittedElsewhere(dossier, _vacancies[v].Id));
                    }
                }
            }
        }

        private EventContext Context(string instance, string name) => new(instance, name, $"e-{++_events}", EventOrigin.External, null, _now);
    }
}
