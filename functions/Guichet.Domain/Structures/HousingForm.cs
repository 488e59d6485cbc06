using System.Text.Json.Serialization;

namespace Guichet.Domain.Structures;

/// <summary>How a structure houses its residents: apartments spread in the city, one building, or both.</summary>
public enum HousingForm
{
    /// <summary>Apartments spread in ordinary buildings ("diffuse").</summary>
    [JsonStringEnumMemberName("diffuse")]
    Diffuse,

    /// <summary>One building with shared spaces ("collective").</summary>
    [JsonStringEnumMemberName("collective")]
    Collective,

    /// <summary>Both ("mixed").</summary>
    [JsonStringEnumMemberName("mixed")]
    Mixed,
}
