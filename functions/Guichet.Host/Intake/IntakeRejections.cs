using System.Security.Cryptography;
using System.Text;
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
/// prescriber's id, or <c>unknown</c>; row: <c>{reference key}|{</c><see cref="IntakeRejection.Id"/><c>}</c>), which its
/// prescriber reads by its reference in one key range however many rejections it has had, and a message on
/// <see cref="Queue"/>. Each rejection is recorded once however often its message is delivered.
/// </summary>
/// <remarks>
/// The row keeps the reasons, never the message's text, which may hold health data: the text goes on the queue only,
/// for the prescriber's system to read and send again, and expires there after the retention
/// (<see cref="IntakeSettings.RejectedMessageRetention"/>). A delivery that must send a rejection again has the text
/// itself, being a delivery of the same message.
/// </remarks>
public sealed class IntakeRejections
{
    /// <summary>The queue every rejection is put on.</summary>
    public const string Queue = "dossiers-intake-rejected";

    /// <summary>The partition of rejections whose message names no usable prescriber id.</summary>
    public const string UnknownPrescriber = "unknown";

    private readonly QueueClient _queue;
    private readonly MessageEncoding _encoding;
    private readonly TimeSpan _retention;
    private readonly TimeProvider _time;

    internal IntakeRejections(TableClient table, QueueClient queue, MessageEncoding encoding, TimeSpan retention, TimeProvider time)
    {
        Table = table;
        _queue = queue;
        _encoding = encoding;
        _retention = retention;
        _time = time;
    }

    internal TableClient Table { get; }

    internal QueueClient QueueClient => _queue;

    /// <summary>The rejections of a prescriber's request by its reference, the latest first, without the message's text; empty when there is none.</summary>
    public async Task<IReadOnlyList<IntakeRejection>> FindAsync(string prescriberId, string externalRef, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(prescriberId);
        ArgumentException.ThrowIfNullOrEmpty(externalRef);
        var found = new List<IntakeRejection>();
        try
        {
            await foreach (var row in Table.QueryAsync<TableEntity>(FilterOf(prescriberId, externalRef), cancellationToken: cancellationToken))
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
    /// Records a rejection: its row first (an insert; one already there means another delivery got this far), then its
    /// message, then the row marked notified. Whoever sends holds a claim on the row for <see cref="ClaimTime"/>: a
    /// delivery that finds the row neither notified nor claimed (the host stopped in between) claims it and sends
    /// again, and one that finds it claimed waits for the claim's end. So a rejection is never lost, and sent twice
    /// only when a host stopped after sending and before marking it; its id tells the copies apart. True when this
    /// call recorded it, false when another delivery had.
    /// </summary>
    internal async Task<bool> RecordAsync(IntakeRejection rejection, CancellationToken cancellationToken)
    {
        var row = Write(rejection, _time.GetUtcNow() + ClaimTime);
        try
        {
            await Table.AddEntityAsync(row, cancellationToken);
            await SendAsync(rejection, row, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded by another delivery: done, being sent, or to send again.
        }

        for (var attempt = 0; attempt < MaxClaimAttempts; attempt++)
        {
            var found = (await Table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: cancellationToken)).Value;
            if (found.GetBoolean(Notified) == true)
            {
                return false;
            }

            if (found.GetDateTimeOffset(ClaimedUntil) is { } until && until > _time.GetUtcNow())
            {
                await Task.Delay(ClaimPoll, TimeProvider.System, cancellationToken); // real time: another host's send, not workflow time
                continue;
            }

            try
            {
                await Table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [ClaimedUntil] = _time.GetUtcNow() + ClaimTime }, found.ETag, TableUpdateMode.Merge, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                continue; // claimed by another delivery meanwhile
            }

            await SendAsync(rejection with { ReceivedAt = Read(found).ReceivedAt }, row, cancellationToken);
            return false;
        }

        throw new InvalidOperationException($"Rejection {rejection.Id} is still being sent by another delivery; retried.");
    }

    /// <summary>How long a delivery that sends a rejection holds it.</summary>
    public static readonly TimeSpan ClaimTime = TimeSpan.FromSeconds(20);

    private static readonly TimeSpan ClaimPoll = TimeSpan.FromMilliseconds(200);
    private const int MaxClaimAttempts = 50;
    private const string ClaimedUntil = "ClaimedUntil";

    private async Task SendAsync(IntakeRejection rejection, TableEntity row, CancellationToken ct)
    {
        await _queue.SendMessageAsync(MessageText.Encode(JsonSerializer.Serialize(rejection, IntakeJson.Options), _encoding), visibilityTimeout: null, timeToLive: _retention, ct);
        await Table.UpdateEntityAsync(new TableEntity(row.PartitionKey, row.RowKey) { [Notified] = true }, ETag.All, TableUpdateMode.Merge, ct);
    }

    private const string Notified = "Notified";

    /// <summary>The rows of a prescriber's rejections of one reference: one key range of its partition.</summary>
    internal static string FilterOf(string prescriberId, string externalRef)
    {
        var key = ReferenceKey(externalRef);
        var (from, to) = (key + "|", key + "}"); // '}' follows '|': every row of the reference lies between
        return TableClient.CreateQueryFilter($"PartitionKey eq {prescriberId} and RowKey gt {from} and RowKey lt {to}");
    }

    /// <summary>
    /// A reference as a key: hex of its SHA-256, since a rejected message's reference may hold what keys refuse
    /// ('/', '#', '?', control characters) or be absent.
    /// </summary>
    private static string ReferenceKey(string? externalRef) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalRef ?? string.Empty)).AsSpan(0, 16));

    private static TableEntity Write(IntakeRejection rejection, DateTimeOffset claimedUntil) =>
        new(rejection.PrescriberId ?? UnknownPrescriber, ReferenceKey(rejection.ExternalRef) + "|" + rejection.Id)
    {
        ["Id"] = rejection.Id,
        [ClaimedUntil] = claimedUntil,
        ["PrescriberId"] = rejection.PrescriberId,
        ["ExternalRef"] = rejection.ExternalRef,
        ["Reasons"] = JsonSerializer.Serialize(rejection.Reasons, IntakeJson.Options),
        ["ReceivedAt"] = rejection.ReceivedAt,
        [Notified] = false,
    };

    private static IntakeRejection Read(TableEntity row) => new(
        row.GetString("Id") ?? row.RowKey,
        row.GetString("PrescriberId"),
        row.GetString("ExternalRef"),
        JsonSerializer.Deserialize<List<Violation>>(row.GetString("Reasons") ?? "[]", IntakeJson.Options) ?? [],
        row.GetDateTimeOffset("ReceivedAt") ?? DateTimeOffset.MinValue,
        string.Empty);
}
