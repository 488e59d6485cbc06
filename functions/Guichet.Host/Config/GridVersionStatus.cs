using System.Text.Json.Serialization;

namespace Guichet.Host.Config;

/// <summary>Where a version of the priority grid stands at an instant.</summary>
public enum GridVersionStatus
{
    /// <summary>Written, never activated: it may still be revised and previewed ("draft").</summary>
    [JsonStringEnumMemberName("draft")]
    Draft,

    /// <summary>Activated from a later date; immutable ("scheduled").</summary>
    [JsonStringEnumMemberName("scheduled")]
    Scheduled,

    /// <summary>The grid in force: every ranking now uses it ("active").</summary>
    [JsonStringEnumMemberName("active")]
    Active,

    /// <summary>Was in force, replaced by a later activation; immutable ("retired").</summary>
    [JsonStringEnumMemberName("retired")]
    Retired,
}
