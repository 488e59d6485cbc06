using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.ReadModels;

/// <summary>
/// Turns a projected record into a table row: its top-level properties, serialized with <see cref="WorkflowJson.Options"/>,
/// become columns (strings, booleans, integral numbers as Int64, other numbers as Double, nested objects and
/// arrays as JSON text; nulls omitted). Every row carries its writer, the writer's generation and the step that wrote
/// it (see <see cref="ProjectionStamp"/>), so that a late copy of an older step never overwrites it, and a removal leaves
/// a tombstone for the same reason.
/// </summary>
internal static class ProjectionRows
{
    public const string Owner = "_Owner";
    public const string Generation = "_Generation";
    public const string Sequence = "_Sequence";
    public const string Removed = "_Removed";

    /// <summary>A table property holds 64 KiB, that is 32 Ki UTF-16 characters.</summary>
    private const int MaxStringLength = 32 * 1024;

    private static readonly string[] ReservedColumns = ["PartitionKey", "RowKey", "Timestamp", "odata.etag"];

    /// <summary>
    /// The record as JSON, checked to make a valid row that Azure accepts (<see cref="TableLimits"/>: 252 properties,
    /// 1 MiB as Azure counts it) under its keys and with the writer's columns, when the step is planned, so that a row
    /// that cannot be written fails its step instead of waiting in the outbox; null (a removal) stays null.
    /// </summary>
    public static byte[]? Serialize(object? row, string table, string partitionKey, string rowKey, string owner)
    {
        if (row is null)
        {
            return null;
        }

        var json = JsonSerializer.SerializeToUtf8Bytes(row, row.GetType(), WorkflowJson.Options);
        var entity = ToEntity(partitionKey, rowKey, json, new(owner, long.MaxValue, long.MaxValue));
        return TableLimits.Problem(entity) is { } problem
            ? throw new EffectException($"The read-model row {partitionKey}/{rowKey} of '{table}' cannot be written: {problem}")
            : json;
    }

    public static TableEntity ToEntity(string partitionKey, string rowKey, byte[]? json, ProjectionStamp stamp)
    {
        var entity = new TableEntity(partitionKey, rowKey) { [Removed] = json is null };
        stamp.Mark(entity);
        if (json is null)
        {
            return entity;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new EffectException($"A read-model row must be a record with properties; this one is a JSON {document.RootElement.ValueKind}.");
        }

        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (Column(property.Value) is { } value)
            {
                entity[CheckName(property.Name)] = value;
            }
        }

        return entity;
    }

    private static object? Column(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => CheckLength(value.GetString()!),
        JsonValueKind.Number => value.TryGetInt64(out var integral) ? integral : (object)value.GetDouble(),
        _ => CheckLength(value.GetRawText()),
    };

    private static string CheckName(string name)
    {
        var valid = name is { Length: >= 1 and <= 255 } && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid || name.StartsWith('_') || ReservedColumns.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new EffectException($"'{name}' cannot be a read-model column: letters, digits and '_', starting with a letter, and not a key or system column.");
        }

        return name;
    }

    private static string CheckLength(string text) => text.Length <= MaxStringLength
        ? text
        : throw new EffectException($"A read-model column holds at most {MaxStringLength} characters; this one has {text.Length}.");
}
