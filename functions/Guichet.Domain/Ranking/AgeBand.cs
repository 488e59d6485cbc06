using System.Text.Json.Serialization;

namespace Guichet.Domain.Ranking;

/// <summary>
/// Age bands for the preview and the observatory, from the birth year alone (birth dates are often known to the
/// year only): the age a person reaches in the current year.
/// </summary>
public enum AgeBand
{
    /// <summary>Under 25 ("under-25").</summary>
    [JsonStringEnumMemberName("under-25")]
    Under25,

    /// <summary>25 to 39 ("25-39").</summary>
    [JsonStringEnumMemberName("25-39")]
    From25To39,

    /// <summary>40 to 54 ("40-54").</summary>
    [JsonStringEnumMemberName("40-54")]
    From40To54,

    /// <summary>55 to 64 ("55-64").</summary>
    [JsonStringEnumMemberName("55-64")]
    From55To64,

    /// <summary>65 and over ("65-plus").</summary>
    [JsonStringEnumMemberName("65-plus")]
    From65,
}
