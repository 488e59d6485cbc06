using Guichet.Domain.Placement;

namespace Guichet.Domain.Stays;

/// <summary>
/// Put on <see cref="Queue"/> by a step that opens another instance, since a step cannot start one itself: a filled
/// vacancy opens its stay (<see cref="Stay"/>), an exit declares the place free again (<see cref="Vacancy"/>). The
/// outbox sends it at least once; the id is derived (<see cref="StayIds"/>), so the receiver starts one instance.
/// </summary>
/// <param name="InstanceId">The instance to start.</param>
/// <param name="Stay">The stay to open, or null.</param>
/// <param name="Vacancy">The vacancy to declare, or null.</param>
public sealed record PlacementStartRequested(string InstanceId, StartStay? Stay, DeclareVacancy? Vacancy)
{
    /// <summary>The queue the host starts them from.</summary>
    public const string Queue = "placement-starts";

    /// <summary>The stay of the admission that filled <paramref name="vacancy"/> (entering on <paramref name="entryDate"/>).</summary>
    public static PlacementStartRequested StayOf(Vacancy vacancy, string dossierId, DateOnly entryDate)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        return new(StayIds.Of(vacancy.Id), new StartStay(dossierId, vacancy.Id, vacancy.StructureName, vacancy.Place, entryDate), null);
    }

    /// <summary>The new vacancy of the place <paramref name="stay"/> leaves on <paramref name="exitDate"/>: same structure and features, free from that day.</summary>
    public static PlacementStartRequested VacancyAfter(Stay stay, DateOnly exitDate)
    {
        ArgumentNullException.ThrowIfNull(stay);
        return new(StayIds.VacancyAfter(stay.Id, exitDate), null, new DeclareVacancy(stay.Place with { AvailableFrom = exitDate }, stay.StructureName));
    }
}
