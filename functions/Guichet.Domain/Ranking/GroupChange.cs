namespace Guichet.Domain.Ranking;

/// <summary>
/// How the dossiers of one group (a sex, an age band, a département, a pathology group) move under the draft; the
/// figures of a group too small to be shown (<see cref="Disclosure.SmallCells"/>) are left out.
/// </summary>
/// <param name="Group">The group's wire name ("female", "25-39", "93", "infectious", "unknown").</param>
/// <param name="Dossiers">How many dossiers it has; null when masked.</param>
/// <param name="AverageMovement">The places gained on average (negative: lost); null when masked.</param>
/// <param name="MovedUp">How many move up; null when masked.</param>
/// <param name="MovedDown">How many move down; null when masked.</param>
/// <param name="Unchanged">How many keep their rank; null when masked.</param>
public sealed record GroupChange(string Group, int? Dossiers, double? AverageMovement, int? MovedUp, int? MovedDown, int? Unchanged)
{
    /// <summary>Whether the group's figures are masked, so few are its dossiers.</summary>
    public bool Suppressed => Dossiers is null;

    /// <summary>A group shown without its figures.</summary>
    public static GroupChange Masked(string group) => new(group, null, null, null, null, null);
}
