using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>A person's sex as recorded on the request; <see cref="Unknown"/> when the prescriber does not know it.</summary>
public enum Sex
{
    /// <summary>Female ("female").</summary>
    [JsonStringEnumMemberName("female")]
    Female,

    /// <summary>Male ("male").</summary>
    [JsonStringEnumMemberName("male")]
    Male,

    /// <summary>Not known to the prescriber ("unknown"); identity matching then ignores sex.</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
