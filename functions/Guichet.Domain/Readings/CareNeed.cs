using System.Text.Json.Serialization;

namespace Guichet.Domain.Readings;

/// <summary>The medical needs the medical reader records, which a structure's place must meet (placement matches them).</summary>
public enum CareNeed
{
    /// <summary>Psychiatric follow-up on site or by a partner ("psychiatric-support").</summary>
    [JsonStringEnumMemberName("psychiatric-support")]
    PsychiatricSupport,

    /// <summary>Near a dialysis centre ("near-dialysis").</summary>
    [JsonStringEnumMemberName("near-dialysis")]
    NearDialysis,

    /// <summary>A place accessible with reduced mobility ("reduced-mobility").</summary>
    [JsonStringEnumMemberName("reduced-mobility")]
    ReducedMobility,

    /// <summary>A structure that accepts and supports active substance use ("substance-use-support").</summary>
    [JsonStringEnumMemberName("substance-use-support")]
    SubstanceUseSupport,

    /// <summary>Daily nursing care ("daily-nursing-care").</summary>
    [JsonStringEnumMemberName("daily-nursing-care")]
    DailyNursingCare,
}
