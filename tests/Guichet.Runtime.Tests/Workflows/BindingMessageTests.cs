using System.Text.Json;
using System.Text.Json.Serialization;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>A payload that does not bind is refused in the words of JSON (the field's path, the kind of value it takes), never naming a .NET type.</summary>
public sealed class BindingMessageTests
{
    [Theory]
    [InlineData("""{"amount":"x","when":"2026-12-01T09:00:00Z"}""", "'amount' must be a whole number, not a string")]
    [InlineData("""{"amount":1.5,"when":"2026-12-01T09:00:00Z"}""", "'amount' must be a whole number within range")]
    [InlineData("""{"amount":99999999999,"when":"2026-12-01T09:00:00Z"}""", "'amount' must be a whole number within range")]
    [InlineData("""{"when":"2026-12-01T09:00:00Z"}""", "'amount' is required")]
    [InlineData("""{"amount":1,"amont":2,"when":"2026-12-01T09:00:00Z"}""", "'amont' is not a field of this record (its fields: amount, born, device, note, place, tags, urgent, when)")]
    [InlineData("""{"amount":1,"when":"demain"}""", "'when' must be a date (ISO 8601)")]
    [InlineData("""{"amount":1,"when":12}""", "'when' must be a date (ISO 8601 text), not a number")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","urgent":"yes"}""", "'urgent' must be a boolean, not a string")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","tags":"a"}""", "'tags' must be an array, not a string")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","tags":["a",2]}""", "'tags[1]' must be a string, not a number")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","place":3}""", "'place' must be an object, not a number")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","place":{"department":"75","beds":"two"}}""", "'place.beds' must be a whole number, not a string")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","place":{"beds":2}}""", "'place.department' is required")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","device":"EHPAD"}""", "'device' must be one of: ACT, LHSS, LAM")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","note":null}""", "'note' must not be null")]
    [InlineData("""{"amount":null,"when":"2026-12-01T09:00:00Z"}""", "'amount' must not be null")]
    [InlineData("""[1,2]""", "the payload must be an object, not an array")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","born":"hier"}""", "'born': Expected a year YYYY")]
    [InlineData("""{"amount":1,"when":"2026-12-01T09:00:00Z","born":1980}""", "'born' does not have the expected form")]
    public void PayloadThatDoesNotBind_IsRefusedNamingTheFieldAndTheJsonKind(string payload, string expected)
    {
        var refused = Assert.Throws<EventBindingException>(() => EventBinding.Bind<Referral>(JsonDocument.Parse(payload).RootElement, "event 'refer'"));

        Assert.Equal($"The payload of event 'refer' does not fit its record: {expected}.", refused.Message);
        Assert.DoesNotMatch(@"System\.|Guichet\.|Int32|DateTimeOffset|Referral|Placement", refused.Message);
    }

    [Fact]
    public void PayloadThatBinds_Binds()
    {
        var referral = EventBinding.Bind<Referral>(JsonDocument.Parse("""{"amount":1,"when":"2026-12-01T09:00:00Z","device":"LAM","born":"1980"}""").RootElement, "event 'refer'");

        Assert.Equal(Device.LAM, referral.Device);
        Assert.Equal(1980, referral.Born!.Year);
    }

    public enum Device
    {
        ACT,
        LHSS,
        LAM,
    }

    public sealed record Referral(int Amount, DateTimeOffset When, bool Urgent = false, IReadOnlyList<string>? Tags = null, Placement? Place = null, Device Device = Device.ACT, string Note = "", BirthYear? Born = null);

    public sealed record Placement(string Department, int Beds = 1);

    /// <summary>A value with a converter of its own, as the domain's partial dates have.</summary>
    [JsonConverter(typeof(BirthYearConverter))]
    public sealed record BirthYear(int Year);

    public sealed class BirthYearConverter : JsonConverter<BirthYear>
    {
        public override BirthYear Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            int.TryParse(reader.GetString(), out var year) ? new BirthYear(year) : throw new JsonException("Expected a year YYYY.");

        public override void Write(Utf8JsonWriter writer, BirthYear value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
