using Guichet.Domain.Structures;

namespace Guichet.Host.Placement;

/// <summary>A free place, as its structure declares it.</summary>
/// <param name="AvailableFrom">The day it can be occupied.</param>
/// <param name="Features">What this place offers, among what the structure offers; omitted: all of it.</param>
public sealed record VacancyDeclaration(DateOnly? AvailableFrom = null, IReadOnlyList<PlaceFeature>? Features = null);
