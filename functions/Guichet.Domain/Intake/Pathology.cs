using System.Text.Json.Serialization;

namespace Guichet.Domain.Intake;

/// <summary>
/// The pathologies a request declares (a closed list, so that the observatory can count them; the free-text
/// medical summary says the rest). The seed's residents live with HIV, hepatitis C, diabetes, COPD, cancers,
/// dialysis, heavy psychiatric conditions.
/// </summary>
public enum Pathology
{
    /// <summary>HIV infection ("hiv").</summary>
    [JsonStringEnumMemberName("hiv")]
    Hiv,

    /// <summary>Chronic hepatitis B ("hepatitis-b").</summary>
    [JsonStringEnumMemberName("hepatitis-b")]
    HepatitisB,

    /// <summary>Chronic hepatitis C ("hepatitis-c").</summary>
    [JsonStringEnumMemberName("hepatitis-c")]
    HepatitisC,

    /// <summary>Tuberculosis ("tuberculosis").</summary>
    [JsonStringEnumMemberName("tuberculosis")]
    Tuberculosis,

    /// <summary>Cancer ("cancer").</summary>
    [JsonStringEnumMemberName("cancer")]
    Cancer,

    /// <summary>Diabetes ("diabetes").</summary>
    [JsonStringEnumMemberName("diabetes")]
    Diabetes,

    /// <summary>Cardiovascular disease ("cardiovascular").</summary>
    [JsonStringEnumMemberName("cardiovascular")]
    Cardiovascular,

    /// <summary>Renal failure, dialysis included ("renal-failure").</summary>
    [JsonStringEnumMemberName("renal-failure")]
    RenalFailure,

    /// <summary>Chronic respiratory disease, COPD included ("respiratory").</summary>
    [JsonStringEnumMemberName("respiratory")]
    Respiratory,

    /// <summary>Chronic liver disease, cirrhosis included ("liver-disease").</summary>
    [JsonStringEnumMemberName("liver-disease")]
    LiverDisease,

    /// <summary>Neurological disease ("neurological").</summary>
    [JsonStringEnumMemberName("neurological")]
    Neurological,

    /// <summary>Heavy psychiatric condition ("psychiatric").</summary>
    [JsonStringEnumMemberName("psychiatric")]
    Psychiatric,

    /// <summary>Anything else, described in the summary ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
