using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>
/// The two families of refusal codes, which the observatory keeps apart: "not eligible" feeds orientation statistics,
/// practical refusals feed unmet needs.
/// </summary>
public enum RefusalFamily
{
    /// <summary>Not eligible for this place: the structure names a recommended orientation ("not-eligible").</summary>
    [JsonStringEnumMemberName("not-eligible")]
    NotEligible,

    /// <summary>Practical ("practical").</summary>
    [JsonStringEnumMemberName("practical")]
    Practical,
}
