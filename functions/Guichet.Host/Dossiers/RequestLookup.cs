using System.Globalization;
using System.Text.Json.Serialization;
using Azure.Data.Tables;

namespace Guichet.Host.Dossiers;

/// <summary>
/// What became of a prescriber's request, found by its externalRef (<c>GET /api/dossiers?externalRef=</c>): the
/// dossier that holds it, or, when none does, the rejection of the message with its reasons.
/// </summary>
/// <param name="ExternalRef">The prescriber's reference.</param>
/// <param name="Dossier">The dossier holding the request; absent when there is none.</param>
/// <param name="Rejection">The message's rejection; absent when a dossier holds the request.</param>
public sealed record RequestLookup(
    string ExternalRef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequestDossier? Dossier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IntakeRejection? Rejection);

/// <summary>The dossier that holds a request, as the read model <c>DossierRequests</c> has it (it may lag a step behind the dossier).</summary>
/// <param name="DossierId">The dossier, to read at <c>/api/dossiers/{id}</c>.</param>
/// <param name="Device">The device, as on the wire ("ACT").</param>
/// <param name="Status">The dossier's status, as on the wire ("needs-information").</param>
/// <param name="SubmittedAt">When the request was submitted.</param>
/// <param name="Reason">Why it is where it is: its end's reason, or the question the prescriber must answer.</param>
public sealed record RequestDossier(string DossierId, string Device, string Status, DateTimeOffset SubmittedAt, string? Reason)
{
    // Columns are the row record's properties in camelCase (the runtime's JSON conventions); dates are ISO 8601 text.
    internal static RequestDossier Of(TableEntity row) => new(
        row.GetString("dossierId") ?? row.RowKey,
        row.GetString("device") ?? "",
        row.GetString("status") ?? "",
        (row.TryGetValue("submittedAt", out var submitted) ? submitted : null) switch
        {
            DateTimeOffset at => at,
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => default,
        },
        row.GetString("reason"));
}
