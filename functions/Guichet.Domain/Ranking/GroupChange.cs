namespace Guichet.Domain.Ranking;

/// <summary>How the dossiers of one group (a sex, an age band, a département, a pathology group) move under the draft.</summary>
/// <param name="Group">The group's wire name ("female", "25-39", "93", "infectious", "unknown").</param>
/// <param name="Dossiers">How many dossiers it has.</param>
/// <param name="AverageMovement">The places gained on average (negative: lost).</param>
/// <param name="MovedUp">How many move up.</param>
/// <param name="MovedDown">How many move down.</param>
/// <param name="Unchanged">How many keep their rank.</param>
public sealed record GroupChange(string Group, int Dossiers, double AverageMovement, int MovedUp, int MovedDown, int Unchanged);
