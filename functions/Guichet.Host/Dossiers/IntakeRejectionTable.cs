using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Dossiers;

/// <summary>
/// Reads rejections from the table <c>{hub}IntakeRejections</c> that intake writes: partition key the prescriber's
/// id, row key the externalRef, <c>Reasons</c> a JSON array of <c>{path, message}</c>, <c>ReceivedAt</c> a date
/// (a table date, or ISO 8601 text). No table yet means no rejection yet.
/// </summary>
internal sealed class IntakeRejectionTable(StorageClients storage, RuntimeOptions options) : IIntakeRejectionReader
{
    /// <summary>The table's name under the task hub.</summary>
    public const string TableSuffix = "IntakeRejections";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly TableClient _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);

    public async Task<IntakeRejection?> FindAsync(string prescriberId, string externalRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prescriberId);
        ArgumentException.ThrowIfNullOrEmpty(externalRef);
        NullableResponse<TableEntity> found;
        try
        {
            found = await _table.GetEntityIfExistsAsync<TableEntity>(prescriberId, externalRef, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null; // no rejection was ever written
        }

        if (!found.HasValue || found.Value is not { } row)
        {
            return null;
        }

        var reasons = row.GetString("Reasons") is { Length: > 0 } text
            ? JsonSerializer.Deserialize<List<Violation>>(text, Json) ?? []
            : [];
        return new(prescriberId, externalRef, ReceivedAt(row), reasons);
    }

    private static DateTimeOffset ReceivedAt(TableEntity row) => (row.TryGetValue("ReceivedAt", out var value) ? value : null) switch
    {
        DateTimeOffset at => at,
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        _ => row.Timestamp ?? default,
    };
}
