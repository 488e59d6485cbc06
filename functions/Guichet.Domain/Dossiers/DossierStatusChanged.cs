using System.Text.Json.Serialization;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The message put on <c>dossier-events</c> for every status change (DESIGN §6), once per request the dossier
/// holds, so that each prescriber hears of its own request by its own externalRef.
/// </summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="ExternalRef">The prescriber's reference.</param>
/// <param name="PrescriberId">The prescriber told.</param>
/// <param name="Status">The new status, as on the wire ("waiting-list").</param>
/// <param name="At">When it changed.</param>
/// <param name="Reason">Why, when there is a reason (a refusal, a merge, a withdrawal, a question).</param>
public sealed record DossierStatusChanged(string DossierId, string ExternalRef, string PrescriberId, string Status, DateTimeOffset At, string? Reason)
{
    /// <summary>The outbound queue.</summary>
    public const string Queue = "dossier-events";

    /// <summary>What the message is about when it is not a status change (a confirmation reminder: "confirmation-reminder"); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Kind { get; init; }
}
