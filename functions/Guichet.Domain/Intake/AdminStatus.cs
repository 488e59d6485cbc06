using System.Text.Json.Serialization;

namespace Guichet.Domain.Intake;

/// <summary>
/// The person's administrative status, which the social reading weighs (the seed: foreigners who are ill and
/// lose their residence permit). Optional on the wire; <see cref="Unknown"/> when absent.
/// </summary>
public enum AdminStatus
{
    /// <summary>French national ("french-national").</summary>
    [JsonStringEnumMemberName("french-national")]
    FrenchNational,

    /// <summary>Citizen of another EU or EEA country ("eu-citizen").</summary>
    [JsonStringEnumMemberName("eu-citizen")]
    EuCitizen,

    /// <summary>Holds a valid residence permit ("residence-permit").</summary>
    [JsonStringEnumMemberName("residence-permit")]
    ResidencePermit,

    /// <summary>A permit or its renewal is being applied for ("permit-pending").</summary>
    [JsonStringEnumMemberName("permit-pending")]
    PermitPending,

    /// <summary>Asylum seeker ("asylum-seeker").</summary>
    [JsonStringEnumMemberName("asylum-seeker")]
    AsylumSeeker,

    /// <summary>No right of residence ("undocumented").</summary>
    [JsonStringEnumMemberName("undocumented")]
    Undocumented,

    /// <summary>Not known to the prescriber ("unknown").</summary>
    [JsonStringEnumMemberName("unknown")]
    Unknown,
}
