using System.Text.Json.Serialization;

namespace Guichet.Domain.Placement;

/// <summary>What the structure's director answers to a candidacy.</summary>
public enum CandidacyDecision
{
    /// <summary>Admits the person, from an entry date ("admit").</summary>
    [JsonStringEnumMemberName("admit")]
    Admit,

    /// <summary>Refuses, with a code of the nomenclature and a justification ("refuse").</summary>
    [JsonStringEnumMemberName("refuse")]
    Refuse,
}
