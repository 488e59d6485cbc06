using System.Globalization;
using Azure.Data.Tables;
using Guichet.Domain.Dossiers;

namespace Guichet.Host.Dossiers;

/// <summary>
/// Reads the dossier's read-model rows back into their records: columns are the records' properties in camelCase
/// (the runtime's JSON conventions), dates ISO 8601 text, numbers Int64.
/// </summary>
internal static class ReadModelRows
{
    public static PendingReadingRow Pending(TableEntity row) => new(
        row.GetString("dossierId") ?? row.RowKey,
        row.GetString("device") ?? "",
        Date(row, "firstRequestAt"),
        row.GetString("prescriberName") ?? "",
        row.GetString("status") ?? "");

    public static DuplicateReviewRow Duplicate(TableEntity row) => new(
        row.GetString("dossierId") ?? "",
        row.GetString("otherDossierId") ?? "",
        row.GetString("device") ?? "",
        row.GetString("reasons") ?? "",
        Date(row, "foundAt"));

    public static DossierRequestRow Request(TableEntity row) => new(
        row.GetString("dossierId") ?? "",
        row.GetString("device") ?? "",
        row.GetString("status") ?? "",
        Date(row, "submittedAt"),
        row.GetString("reason"),
        row.GetString("mergedInto"));

    private static DateTimeOffset Date(TableEntity row, string column) => (row.TryGetValue(column, out var value) ? value : null) switch
    {
        DateTimeOffset at => at,
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => default,
    };
}
