using Guichet.Domain.Placement;
using Guichet.Domain.Ranking;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;
using Guichet.Domain.Tests.Deciding;

namespace Guichet.Domain.Tests.Placement;

/// <summary>A free place at Le Trait d'Union, a waiting list to match it with, and the structure's answers.</summary>
internal static class PlacementExamples
{
    public const string VacancyId = "V-TDU-2026-12-01";

    public static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly DateOnly AvailableFrom = new(2026, 12, 15);

    /// <summary>A place at Le Trait d'Union (92, ACT): substance use accepted, couples, pets.</summary>
    public static FreePlace TraitDUnionPlace { get; } = FreePlace.Of(StructureCatalog.TraitDUnion, AvailableFrom);

    public static Scenario<DeclareVacancy, Vacancy, VacancyEvent> Scenario(PlacementPolicy? policy = null) =>
        new(policy is null ? new VacancyDecider() : new VacancyDecider(policy), VacancyId, Now);

    public static DeclareVacancy Declare(FreePlace? place = null) => new(place ?? TraitDUnionPlace, StructureCatalog.TraitDUnion.Name);

    public static string Dossier(int rank) => $"D-{rank:D3}";

    /// <summary>A proposal of the dossiers of these ranks, named after their rank.</summary>
    public static CandidatesProposed Proposed(params int[] ranks) =>
        new(new MatchResult(1, Now, [.. ranks.Select(r => new ProposedCandidate(Dossier(r), r, 50 - r))], []));

    public static CandidacyDecided Admit(int rank, DateOnly? entry = null) => new(Dossier(rank), CandidacyDecision.Admit, entry ?? AvailableFrom);

    public static CandidacyDecided Refuse(int rank, RefusalCode? code = RefusalCode.PersonDeclined, string? justification = "La personne préfère rester près de son hôpital.", Orientation? orientation = null) =>
        new(Dossier(rank), CandidacyDecision.Refuse, null, code, justification, orientation);

    /// <summary>A person alone, with no particular need, wishing nothing in particular, asking for an ACT.</summary>
    public static PlacementNeeds Needs(string dossierId, Device device = Device.Act, Sex sex = Sex.Male, CareNeed[]? care = null, bool partner = false, int children = 0, bool pets = false, Department[]? wishes = null) =>
        new(dossierId, device, sex, care ?? [], partner, children, pets, wishes ?? []);

    /// <summary>A ranked list of these dossiers in this order, by decreasing score.</summary>
    public static RankedList Ranked(params string[] dossierIds) =>
        new(1, Now, [.. dossierIds.Select((id, i) => new RankedDossier(i + 1, id, 100 - i, Now.AddDays(-30), []))]);

    public static Dictionary<string, PlacementNeeds> Waiting(params PlacementNeeds[] needs) => needs.ToDictionary(n => n.DossierId, StringComparer.Ordinal);

    public static readonly IReadOnlySet<string> NonePending = new HashSet<string>(StringComparer.Ordinal);
}
