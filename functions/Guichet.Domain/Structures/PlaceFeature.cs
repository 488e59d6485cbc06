using System.Text.Json.Serialization;

namespace Guichet.Domain.Structures;

/// <summary>
/// What a structure's place may offer, which placement matches against a person's household and care needs: a place
/// lacking a feature the person needs is not proposed to that person.
/// </summary>
public enum PlaceFeature
{
    /// <summary>A partner may live with the resident ("couples").</summary>
    [JsonStringEnumMemberName("couples")]
    Couples,

    /// <summary>Children may live with the resident ("children").</summary>
    [JsonStringEnumMemberName("children")]
    Children,

    /// <summary>Dogs and cats are welcome ("pets").</summary>
    [JsonStringEnumMemberName("pets")]
    Pets,

    /// <summary>Active substance use is accepted and supported, without prior withdrawal ("substance-use-accepted").</summary>
    [JsonStringEnumMemberName("substance-use-accepted")]
    SubstanceUseAccepted,

    /// <summary>The place is accessible with reduced mobility ("reduced-mobility").</summary>
    [JsonStringEnumMemberName("reduced-mobility")]
    ReducedMobility,

    /// <summary>The place is for women only ("women-only"): a restriction, not an offer.</summary>
    [JsonStringEnumMemberName("women-only")]
    WomenOnly,

    /// <summary>Psychiatric follow-up on site or by a partner ("psychiatric-support").</summary>
    [JsonStringEnumMemberName("psychiatric-support")]
    PsychiatricSupport,

    /// <summary>Near a dialysis centre ("near-dialysis").</summary>
    [JsonStringEnumMemberName("near-dialysis")]
    NearDialysis,

    /// <summary>Daily nursing care on site ("daily-nursing-care").</summary>
    [JsonStringEnumMemberName("daily-nursing-care")]
    DailyNursingCare,
}
