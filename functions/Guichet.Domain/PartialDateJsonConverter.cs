using System.Text.Json;
using System.Text.Json.Serialization;

namespace Guichet.Domain;

/// <summary>Writes a <see cref="PartialDate"/> as its wire spelling (<c>YYYY-MM-DD</c> or <c>YYYY</c>) and reads it back.</summary>
public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    /// <inheritdoc />
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString(), out var date) ? date! : throw new JsonException("Expected a date YYYY-MM-DD or a year YYYY.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
