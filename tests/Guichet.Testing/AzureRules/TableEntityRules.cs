using System.Text.Json;

namespace Guichet.Testing.AzureRules;

/// <summary>
/// The Table service's limits on one entity ("Understanding the Table service data model"): its size computed as
/// Azure does, the size, type range and count of its properties, the length of their names, and its keys.
/// </summary>
internal static class TableEntityRules
{
    public const int MaxEntitySize = 1024 * 1024;
    private const int MaxStringChars = 32 * 1024;
    private const int MaxBinaryBytes = 64 * 1024;
    private const int MaxCustomProperties = 252;
    private const int MaxNameLength = 255;
    private const int MaxKeyChars = 512; // 1 KiB of UTF-16
    private static readonly DateTimeOffset MinDate = new(1601, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The refusal of an entity body, or null; keys absent from the body come from the request's URL.</summary>
    public static Refusal? Check(JsonElement entity, string? partitionKey = null, string? rowKey = null)
    {
        if (entity.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        partitionKey = entity.TryGetProperty("PartitionKey", out var pk) ? pk.GetString() : partitionKey;
        rowKey = entity.TryGetProperty("RowKey", out var rk) ? rk.GetString() : rowKey;
        if ((CheckKey("PartitionKey", partitionKey) ?? CheckKey("RowKey", rowKey)) is { } badKey)
        {
            return badKey;
        }

        long size = 4 + (2 * (partitionKey?.Length ?? 0)) + (2 * (rowKey?.Length ?? 0));
        var count = 0;
        foreach (var property in entity.EnumerateObject())
        {
            var name = property.Name;
            if (name is "PartitionKey" or "RowKey" or "Timestamp" || name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith("@odata.type", StringComparison.Ordinal))
            {
                continue;
            }

            if (name.Length > MaxNameLength)
            {
                return Refusal.BadRequest("PropertyNameTooLong", "The property name exceeds the maximum allowed length (255).");
            }

            var type = entity.TryGetProperty(name + "@odata.type", out var t) ? t.GetString() : null;
            var (valueSize, refusal) = ValueSize(property.Value, type);
            if (refusal is not null)
            {
                return refusal;
            }

            count++;
            size += 8 + (2 * name.Length) + valueSize;
        }

        return count > MaxCustomProperties
            ? Refusal.BadRequest("TooManyProperties", "The entity contains more properties than allowed. Each entity can include up to 252 properties to store data. Each entity also has 3 system properties.")
            : size > MaxEntitySize
            ? Refusal.BadRequest("EntityTooLarge", "The entity is larger than the maximum allowed size (1MB).")
            : null;
    }

    private static Refusal? CheckKey(string name, string? key) =>
        key is not null && (key.Length > MaxKeyChars || key.Any(c => c is '/' or '\\' or '#' or '?' || c <= '\u001f' || c is >= '\u007f' and <= '\u009f'))
            ? Refusal.BadRequest("OutOfRangeInput", $"The '{name}' parameter of value '{key}' is out of range.")
            : null;

    private static (long Size, Refusal? Refusal) ValueSize(JsonElement value, string? type)
    {
        var tooLarge = Refusal.BadRequest("PropertyValueTooLarge", "The property value exceeds the maximum allowed size (64KB). If the property value is a string, it is UTF-16 encoded and the maximum number of characters should be 32K or less.");
        switch (type)
        {
            case "Edm.Binary":
                var bytes = value.GetBytesFromBase64().Length;
                return bytes > MaxBinaryBytes ? (0, tooLarge) : (4 + bytes, null);
            case "Edm.DateTime":
                return value.TryGetDateTimeOffset(out var date) && date < MinDate ? (0, Refusal.BadRequest("OutOfRangeInput", Refusal.OutOfRange)) : (8, null);
            case "Edm.Int64" or "Edm.Double":
                return (8, null);
            case "Edm.Guid":
                return (16, null);
            case "Edm.Int32":
                return (4, null);
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!.Length > MaxStringChars ? (0, tooLarge) : (4 + (2 * value.GetString()!.Length), null),
            JsonValueKind.Number => (value.TryGetInt32(out _) ? 4 : 8, null),
            JsonValueKind.True or JsonValueKind.False => (1, null),
            _ => (0, null),
        };
    }
}
