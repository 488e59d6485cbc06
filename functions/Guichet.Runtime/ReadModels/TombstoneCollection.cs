using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// A read model's tombstone to collect once no late copy of an older step can come any more: a row of the timer range
/// of the work index, due <see cref="RuntimeOptions.TombstoneRetention"/> after the removal, so that collection is
/// pending work found by the job's one question, never a scan of a read model.
/// </summary>
internal sealed record TombstoneCollection(string ReadModel, string PartitionKey, string RowKey, ProjectionStamp Stamp)
{
    private const string Kind = "Tombstone";

    /// <summary>The collection's row, due at <paramref name="dueAt"/>; its key names the tombstone by a hash, since read-model keys may be long.</summary>
    public TableEntity ToEntity(DateTimeOffset dueAt)
    {
        var tombstone = $"{ReadModel}\n{PartitionKey}\n{RowKey}\n{Stamp.Owner}\n{Stamp.Generation}\n{Stamp.Sequence}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tombstone)))[..32];
        return new TableEntity(WorkIndex.Partition, string.Create(CultureInfo.InvariantCulture, $"{WorkIndex.TimerPrefix}{dueAt.UtcTicks:D19}|~tombstone|{hash}"))
        {
            ["Kind"] = Kind,
            ["InstanceId"] = Stamp.Owner,
            ["TimerId"] = hash,
            ["Name"] = "tombstone",
            ["DueAt"] = dueAt,
            ["ReadModel"] = ReadModel,
            ["ReadModelPartitionKey"] = PartitionKey,
            ["ReadModelRowKey"] = RowKey,
            ["Generation"] = Stamp.Generation,
            ["Sequence"] = Stamp.Sequence,
        };
    }

    /// <summary>The collection a row of the timer range stands for, or null when the row is a durable timer.</summary>
    public static TombstoneCollection? Of(TableEntity row) => row.GetString("Kind") == Kind
        ? new(
            row.GetString("ReadModel"),
            row.GetString("ReadModelPartitionKey"),
            row.GetString("ReadModelRowKey"),
            new(row.GetString("InstanceId"), row.GetInt64("Generation") ?? 0, row.GetInt64("Sequence") ?? 0))
        : null;
}
