using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>The residential care devices the window allocates places in; the wire spells them in capitals.</summary>
public enum Device
{
    /// <summary>Appartements de coordination thérapeutique: chronic illness, stays of 18 to 27 months.</summary>
    [JsonStringEnumMemberName("ACT")]
    Act,

    /// <summary>Lits halte soins santé: acute care needs, stays of 2 months, renewable.</summary>
    [JsonStringEnumMemberName("LHSS")]
    Lhss,

    /// <summary>Lits d'accueil médicalisés: heavy chronic conditions, no length limit.</summary>
    [JsonStringEnumMemberName("LAM")]
    Lam,
}
