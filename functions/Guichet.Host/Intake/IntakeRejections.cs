using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Queues;

namespace Guichet.Host.Intake;

/// <summary>
/// The rejected intake messages (invariant 8): a row per rejection in <c>{hub}IntakeRejections</c> (partition: the
/// prescriber's id, or <c>unknown</c>; row: <see cref="IntakeRejection.Id"/>), which its prescriber reads, and a message
/// on <see cref="Queue"/>. Each rejection is recorded once however often its message is delivered.
/// </summary>
public sealed class IntakeRejections
{
    /// <summary>The queue every rejection is put on.</summary>
    public const string Queue = "dossiers-intake-rejected";

    /// <summary>The partition of rejections whose message names no usable prescriber id.</summary>
    public const string UnknownPrescriber = "unknown";

    private readonly QueueClient _queue;
    private readonly MessageEncoding _encoding;

    internal IntakeRejections(TableClient table, QueueClient queue, MessageEncoding encoding)
    {
        Table = table;
        _queue = queue;
        _encoding = encoding;
    }

    internal TableClient Table { get; }

    internal QueueClient QueueClient => _queue;

    /// <summary>The rejections of a prescriber's request by its reference, the latest first; empty when there is none.</summary>
    public async Task<IReadOnlyList<IntakeRejection>> FindAsync(string prescriberId, string externalRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prescriberId);
        ArgumentException.ThrowIfNullOrEmpty(externalRef);
        var found = new List<IntakeRejection>();
        try
        {
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {prescriberId} and ExternalRef eq {externalRef}");
            await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(Read(row));
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No rejection was ever recorded.
        }

        return [.. found.OrderByDescending(r => r.ReceivedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Records a rejection: its row first (an insert; one already there means an earlier delivery got this far),
    /// then its message, then the row marked notified. A delivery that finds the row not yet notified (the host
    /// stopped in between) sends the message again, so a rejection may be sent twice but never lost; its id tells the
    /// copies apart. True when this call recorded it, false when an earlier delivery had.
    /// </summary>
    internal async Task<bool> RecordAsync(IntakeRejection rejection, CancellationToken cancellationToken)
    {
        var row = Write(rejection);
        var first = true;
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            first = false;
            row = (await Table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
            if (row.GetBoolean(Notified) == true)
            {
                return false;
            }

            rejection = Read(row);
        }

        await _queue.SendMessageAsync(MessageText.Encode(JsonSerializer.Serialize(rejection, IntakeJson.Options), _encoding), cancellationToken);
        await Table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [Notified] = true }, ETag.All, TableUpdateMode.Merge, cancellationToken);
        return first;
    }

    private const string Notified = "Notified";

    private static TableEntity Write(IntakeRejection rejection) => new(rejection.PrescriberId ?? UnknownPrescriber, rejection.Id)
    {
        ["PrescriberId"] = rejection.PrescriberId,
        ["ExternalRef"] = rejection.ExternalRef,
        ["Reasons"] = JsonSerializer.Serialize(rejection.Reasons, IntakeJson.Options),
        ["ReceivedAt"] = rejection.ReceivedAt,
        ["Message"] = rejection.Message,
        [Notified] = false,
    };

    private static IntakeRejection Read(TableEntity row) => new(
        row.RowKey,
        row.GetString("PrescriberId"),
        row.GetString("ExternalRef"),
        JsonSerializer.Deserialize<List<Violation>>(row.GetString("Reasons") ?? "[]", IntakeJson.Options) ?? [],
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        row.GetString("Message") ?? string.Empty);
}
