using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Dossiers;

/// <summary>
/// Reads rejections from the table intake writes, <c>{hub}IntakeRejections</c>: a row per rejected message, in the
/// partition of its prescriber's id, under a key of its reference (<see cref="Intake.IntakeRejections"/>), with the columns <c>ExternalRef</c>, <c>Reasons</c> (a JSON array of
/// <c>{path, message}</c>) and <c>ReceivedAt</c>. The same reference rejected twice gives the latest. No table yet
/// means no rejection yet.
/// </summary>
internal sealed class IntakeRejectionTable(StorageClients storage, RuntimeOptions options) : IIntakeRejectionReader
{
    /// <summary>The table's name under the task hub.</summary>
    public const string TableSuffix = "IntakeRejections";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly string[] Columns = ["ExternalRef", "Reasons", "ReceivedAt"];

    private readonly TableClient _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);

    public async Task<RequestRejection?> FindAsync(string prescriberId, string externalRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prescriberId);
        ArgumentException.ThrowIfNullOrEmpty(externalRef);
        var filter = Intake.IntakeRejections.FilterOf(prescriberId, externalRef);
        RequestRejection? latest = null;
        try
        {
            await foreach (var row in _table.QueryAsync<TableEntity>(filter, select: Columns, cancellationToken: cancellationToken))
            {
                var rejection = Read(prescriberId, externalRef, row);
                latest = latest is null || rejection.ReceivedAt > latest.ReceivedAt ? rejection : latest;
            }
        }
        catch (RequestFailedException ex) when (ex.Status == StatusCodes.Status404NotFound)
        {
            return null; // no rejection was ever written
        }

        return latest;
    }

    private static RequestRejection Read(string prescriberId, string externalRef, TableEntity row) => new(
        prescriberId,
        externalRef,
        (row.TryGetValue("ReceivedAt", out var value) ? value : null) switch
        {
            DateTimeOffset at => at,
            DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
            string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            _ => row.Timestamp ?? default,
        },
        row.GetString("Reasons") is { Length: > 0 } reasons ? JsonSerializer.Deserialize<List<Violation>>(reasons, Json) ?? [] : []);
}
