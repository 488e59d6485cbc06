namespace Guichet.Host.Stays;

/// <summary>The exit a structure records.</summary>
/// <param name="Date">The day the person left (AAAA-MM-JJ).</param>
/// <param name="Destination">Where they went: housing, pension-de-famille, hospital, death, other.</param>
/// <param name="Note">A note, if any.</param>
public sealed record StayExitRequest(DateOnly? Date = null, string? Destination = null, string? Note = null);
