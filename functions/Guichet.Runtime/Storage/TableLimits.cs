using System.Text.Json;
using Azure.Data.Tables;

namespace Guichet.Runtime.Storage;

/// <summary>
/// What Azure Table storage accepts, checked before anything is sent (Azurite accepts more): per entity at most
/// 252 properties of our own, 1 MiB computed as Azure computes it, strings of 32 Ki UTF-16 characters, binaries
/// of 64 KiB, no date before 1601, keys of 1 KiB; per transaction 100 operations and a 4 MiB body, in which
/// binaries travel base64-encoded and strings JSON-escaped.
/// </summary>
internal static class TableLimits
{
    public const int MaxProperties = 252;
    public const long MaxEntityBytes = 1024 * 1024;
    public const int MaxStringChars = 32 * 1024;
    public const int MaxBinaryBytes = 64 * 1024;
    public const int MaxKeyChars = 512;
    public const long MaxBatchBytes = 4L * 1024 * 1024;

    /// <summary>What an operation of a multipart batch costs besides its entity's JSON: headers and the entity's URL.</summary>
    private const int OperationOverheadBytes = 600;

    private static readonly DateTimeOffset EarliestDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Why Azure would refuse this transaction, or null when it fits.</summary>
    public static string? Problem(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count > Commit.MaxOperations)
        {
            return $"The step writes {actions.Count} rows; one transaction holds at most {Commit.MaxOperations}.";
        }

        long wire = 0;
        foreach (var action in actions)
        {
            if (Problem(action.Entity) is { } problem)
            {
                return problem;
            }

            wire += OperationOverheadBytes + (action.ActionType == TableTransactionActionType.Delete ? 0 : WireBytes(action.Entity));
        }

        return wire > MaxBatchBytes
            ? $"The step's transaction is about {wire / 1024} KiB on the wire; Azure accepts at most {MaxBatchBytes / 1024} KiB."
            : null;
    }

    /// <summary>Why Azure would refuse this entity, or null.</summary>
    public static string? Problem(ITableEntity entity)
    {
        var row = $"row '{entity.RowKey}'";
        if (entity.PartitionKey.Length > MaxKeyChars || entity.RowKey.Length > MaxKeyChars)
        {
            return $"The keys of {row} exceed {MaxKeyChars} characters.";
        }

        if (entity is not TableEntity table)
        {
            return null;
        }

        if (table.Count(p => !IsSystem(p.Key)) > MaxProperties)
        {
            return $"The {row} has more than {MaxProperties} properties.";
        }

        long size = 4 + ((entity.PartitionKey.Length + entity.RowKey.Length) * 2);
        foreach (var (name, value) in table.Where(p => !IsSystem(p.Key)))
        {
            if (PropertyProblem(name, value) is { } problem)
            {
                return $"Property {name} of {row}: {problem}";
            }

            size += 8 + (name.Length * 2) + ValueBytes(value);
        }

        return size > MaxEntityBytes ? $"The {row} comes to {size} bytes as Azure counts them; an entity holds at most {MaxEntityBytes}." : null;
    }

    private static string? PropertyProblem(string name, object? value) => value switch
    {
        _ when name.Length > 255 => "its name exceeds 255 characters.",
        string s when s.Length > MaxStringChars => $"its text is {s.Length} characters; Azure accepts at most {MaxStringChars}.",
        byte[] b when b.Length > MaxBinaryBytes => $"it is {b.Length} bytes; Azure accepts at most {MaxBinaryBytes}.",
        DateTimeOffset d when d < EarliestDate => $"the date {d:O} is before 1601, which Azure refuses.",
        DateTime d when d < EarliestDate.UtcDateTime => $"the date {d:O} is before 1601, which Azure refuses.",
        _ => null,
    };

    private static long ValueBytes(object? value) => value switch
    {
        string s => 4 + (s.Length * 2L),
        byte[] b => 4 + b.Length,
        bool => 1,
        int => 4,
        Guid => 16,
        null => 0,
        _ => 8,
    };

    /// <summary>The entity's JSON in the batch body: names, JSON-escaped strings, base64 binaries, type annotations.</summary>
    private static long WireBytes(ITableEntity entity)
    {
        if (entity is not TableEntity table)
        {
            return 0;
        }

        long bytes = 2;
        foreach (var (name, value) in table)
        {
            bytes += JsonEncodedText.Encode(name).EncodedUtf8Bytes.Length + 4 + value switch
            {
                string s => JsonEncodedText.Encode(s).EncodedUtf8Bytes.Length + 2,
                byte[] b => ((b.Length + 2) / 3 * 4) + 2 + name.Length + 32,
                _ => name.Length + 48,
            };
        }

        return bytes;
    }

    private static bool IsSystem(string name) => name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag";
}
