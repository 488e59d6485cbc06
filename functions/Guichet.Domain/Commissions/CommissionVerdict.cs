using System.Text.Json.Serialization;

namespace Guichet.Domain.Commissions;

/// <summary>An admissibility commission's decision on one dossier of its agenda.</summary>
public enum CommissionVerdict
{
    /// <summary>Admissible: the dossier enters its device's waiting list (invariant 2).</summary>
    [JsonStringEnumMemberName("admissible")]
    Admissible,

    /// <summary>Not admissible: a code of the nomenclature and a justification are required.</summary>
    [JsonStringEnumMemberName("not-admissible")]
    NotAdmissible,

    /// <summary>Adjourned to a later session: a reason is required; the dossier stays on the next agenda.</summary>
    [JsonStringEnumMemberName("adjourned")]
    Adjourned,
}
