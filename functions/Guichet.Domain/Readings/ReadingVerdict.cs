using System.Text.Json.Serialization;

namespace Guichet.Domain.Readings;

/// <summary>What a reader concludes.</summary>
public enum ReadingVerdict
{
    /// <summary>Eligible for the device asked.</summary>
    [JsonStringEnumMemberName("eligible")]
    Eligible,

    /// <summary>Not eligible: a reason and a recommended other orientation are required.</summary>
    [JsonStringEnumMemberName("ineligible")]
    Ineligible,

    /// <summary>The reader needs information from the prescriber: a question is required.</summary>
    [JsonStringEnumMemberName("needs-information")]
    NeedsInformation,
}
