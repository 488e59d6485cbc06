using System.Text.Json.Serialization;

namespace Guichet.Domain.Ranking;

/// <summary>Groups of pathologies the preview and the observatory count by; <see cref="PathologyGroups"/> maps each pathology to one.</summary>
public enum PathologyGroup
{
    /// <summary>HIV, hepatitis B and C, tuberculosis ("infectious").</summary>
    [JsonStringEnumMemberName("infectious")]
    Infectious,

    /// <summary>Cancers ("cancer").</summary>
    [JsonStringEnumMemberName("cancer")]
    Cancer,

    /// <summary>Diabetes, cardiovascular, renal, respiratory, liver and neurological diseases ("chronic-somatic").</summary>
    [JsonStringEnumMemberName("chronic-somatic")]
    ChronicSomatic,

    /// <summary>Heavy psychiatric conditions ("psychiatric").</summary>
    [JsonStringEnumMemberName("psychiatric")]
    Psychiatric,

    /// <summary>Anything else ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
