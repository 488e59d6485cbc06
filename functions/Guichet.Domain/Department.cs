using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>
/// The départements of Île-de-France, the region the window serves; the wire spells them as their two-digit
/// code ("93"). Anchoring and wishes name départements of the region only.
/// </summary>
public enum Department
{
    /// <summary>Paris (75).</summary>
    [JsonStringEnumMemberName("75")]
    Paris = 75,

    /// <summary>Seine-et-Marne (77).</summary>
    [JsonStringEnumMemberName("77")]
    SeineEtMarne = 77,

    /// <summary>Yvelines (78).</summary>
    [JsonStringEnumMemberName("78")]
    Yvelines = 78,

    /// <summary>Essonne (91).</summary>
    [JsonStringEnumMemberName("91")]
    Essonne = 91,

    /// <summary>Hauts-de-Seine (92).</summary>
    [JsonStringEnumMemberName("92")]
    HautsDeSeine = 92,

    /// <summary>Seine-Saint-Denis (93).</summary>
    [JsonStringEnumMemberName("93")]
    SeineSaintDenis = 93,

    /// <summary>Val-de-Marne (94).</summary>
    [JsonStringEnumMemberName("94")]
    ValDeMarne = 94,

    /// <summary>Val-d'Oise (95).</summary>
    [JsonStringEnumMemberName("95")]
    ValDOise = 95,
}
