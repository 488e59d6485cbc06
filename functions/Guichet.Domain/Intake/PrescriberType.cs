using System.Text.Json.Serialization;

namespace Guichet.Domain.Intake;

/// <summary>The kind of organisation that sends the request (the seed's "hôpitaux, maraudes, services sociaux", health centres).</summary>
public enum PrescriberType
{
    /// <summary>A hospital, its social service or PASS ("hospital").</summary>
    [JsonStringEnumMemberName("hospital")]
    Hospital,

    /// <summary>A street outreach team, a "maraude" ("street-outreach").</summary>
    [JsonStringEnumMemberName("street-outreach")]
    StreetOutreach,

    /// <summary>A social service: SIAO, CCAS, departmental social service ("social-service").</summary>
    [JsonStringEnumMemberName("social-service")]
    SocialService,

    /// <summary>A health centre or multi-professional practice ("health-centre").</summary>
    [JsonStringEnumMemberName("health-centre")]
    HealthCentre,

    /// <summary>Any other organisation ("other").</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
