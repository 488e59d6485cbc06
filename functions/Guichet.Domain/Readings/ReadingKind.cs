using System.Text.Json.Serialization;

namespace Guichet.Domain.Readings;

/// <summary>The two readings of a dossier, done in parallel by different people.</summary>
public enum ReadingKind
{
    /// <summary>By a medical reader (role <c>reader.medical</c>).</summary>
    [JsonStringEnumMemberName("medical")]
    Medical,

    /// <summary>By a social reader (role <c>reader.social</c>).</summary>
    [JsonStringEnumMemberName("social")]
    Social,
}
