using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Structures;
using Guichet.Domain.Tests.Deciding;

namespace Guichet.Domain.Tests.Stays;

/// <summary>Stays at Le Trait d'Union (ACT) and at LHSS Le Phare, entered on 15 December 2026.</summary>
internal static class StayExamples
{
    public const string VacancyId = "vacancy-20261201-0a1b2c3d4e5f";

    public const string StayId = "stay-20261201-0a1b2c3d4e5f";

    public static readonly DateOnly Entry = new(2026, 12, 15);

    /// <summary>Two days after the entry.</summary>
    public static readonly DateTimeOffset Now = new(2026, 12, 17, 9, 0, 0, TimeSpan.Zero);

    public static Scenario<StartStay, Stay, StayEvent> Scenario(StayPolicy? policy = null) =>
        new(policy is null ? new StayDecider() : new StayDecider(policy), StayId, Now);

    public static StartStay Act() => Open(StructureCatalog.TraitDUnion);

    public static StartStay Lhss() => Open(StructureCatalog.All.Single(s => s.Id == "lhss-93-le-phare"));

    public static RenewalRecorded Renewal(DateOnly renews, string author = "Dr Martin", string? opinion = "Soins de plaie à poursuivre six semaines.") => new(renews, author, opinion);

    private static StartStay Open(Structure structure) =>
        new("D-001", VacancyId, structure.Name, FreePlace.Of(structure, new DateOnly(2026, 12, 1), [.. structure.Features.Take(2)]), Entry);
}
