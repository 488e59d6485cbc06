using System.Text.Json.Serialization;

namespace Guichet.Domain.Readings;

/// <summary>Where a reader or a structure recommends sending a person the dossier's device does not suit.</summary>
public enum Orientation
{
    /// <summary>Appartements de coordination thérapeutique.</summary>
    [JsonStringEnumMemberName("ACT")]
    Act,

    /// <summary>Lits halte soins santé.</summary>
    [JsonStringEnumMemberName("LHSS")]
    Lhss,

    /// <summary>Lits d'accueil médicalisés.</summary>
    [JsonStringEnumMemberName("LAM")]
    Lam,

    /// <summary>Hospital care.</summary>
    [JsonStringEnumMemberName("hospital")]
    Hospital,

    /// <summary>Common-law housing or social housing.</summary>
    [JsonStringEnumMemberName("housing")]
    Housing,

    /// <summary>A medico-social structure for elderly or disabled people (EHPAD, MAS, FAM).</summary>
    [JsonStringEnumMemberName("medico-social")]
    MedicoSocial,

    /// <summary>Anything else, said in the reason.</summary>
    [JsonStringEnumMemberName("other")]
    Other,
}
