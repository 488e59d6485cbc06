using System.Text.Json.Serialization;

namespace Guichet.Domain.Stays;

/// <summary>Where a person goes when their stay ends: the closed list of the observatory's exit destinations.</summary>
public enum StayDestination
{
    /// <summary>Ordinary housing, rented or social ("housing").</summary>
    [JsonStringEnumMemberName("housing")]
    Housing,

    /// <summary>A pension de famille (maison relais) ("pension-de-famille").</summary>
    [JsonStringEnumMemberName("pension-de-famille")]
    PensionDeFamille,

    /// <summary>A hospital ("hospital").</summary>
    [JsonStringEnumMemberName("hospital")]
    Hospital,

    /// <summary>The person died ("death").</summary>
    [JsonStringEnumMemberName("death")]
    Death,

    /// <summary>Anywhere else, said in the note ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
