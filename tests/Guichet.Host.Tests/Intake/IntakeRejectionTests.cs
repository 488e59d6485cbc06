using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Guichet.Host.Intake;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 8, the rejected side: every bad intake message ends in exactly one rejection, on
/// <c>dossiers-intake-rejected</c> and in a row its prescriber reads, with each reason's JSON path and French
/// message; the same message delivered again, plain or in base64, is still one rejection.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeRejectionTests(AzuriteFixture azurite, IntakeHost host)
{
    public static TheoryData<string, string, string> BadMessages() => new()
    {
        { "oversized", "$", "Message trop volumineux" },
        { "not-json", "$", "n'est pas du JSON valide" },
        { "array", "$", "pas un tableau" },
        { "wrong-schema", "$.schema", "Schéma inconnu « guichet.dossier.v0 »" },
        { "unknown-device", "$.device", "XYZ" },
        { "impossible-date", "$.person.birthDate", "Date impossible : « 1980-02-30 » n'existe pas." },
        { "forbidden-key", "$.externalRef", "Caractères interdits" },
        { "device-not-open", "$.device", "Le dispositif LHSS n'est pas encore ouvert" },
        { "device-opens-later", "$.device", "qu'à partir du 01/01/2100" },
    };

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(BadMessages))]
    public async Task BadMessage_EndsInExactlyOneRejection_WithItsPathAndReason(string kind, string path, string reason)
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var prescriber = NewPrescriber();
        var text = Bad(kind, prescriber);

        await probe.HandleAsync(text);

        var id = Hash(text);
        var row = Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}")));
        Assert.True(row.GetBoolean("Notified"));
        Assert.Contains(JsonSerializer.Deserialize<JsonElement[]>(row.GetString("Reasons")!)!, r => r.GetProperty("path").GetString() == path && r.GetProperty("message").GetString()!.Contains(reason, StringComparison.Ordinal));
        var message = Assert.Single(await probe.RejectedAsync(null, id));
        Assert.Contains(message.GetProperty("reasons").EnumerateArray(), r => r.GetProperty("path").GetString() == path && r.GetProperty("message").GetString()!.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(row.GetString("PrescriberId"), IntakeProbe.Text(message, "prescriberId"));
        Assert.True(message.GetProperty("message").GetString()!.Length <= IntakeRejection.MaxMessageLength);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("wrong-schema")]
    [InlineData("not-json")]
    public async Task SameBadMessage_PlainThenBase64_IsOneRejection(string kind)
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var text = Bad(kind, NewPrescriber());

        await probe.SendAndWaitAsync(text, Base64(text));

        var id = Hash(text);
        Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}")));
        Assert.Single(await probe.RejectedAsync(null, id));
    }

    [Fact(Timeout = 60_000)]
    public async Task Rejection_IsFoundByItsPrescriberAndReference_WithItsReasons()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var prescriber = NewPrescriber();
        var text = Bad("impossible-date", prescriber);

        await probe.HandleAsync(text);

        var rejection = Assert.Single(await app.Services.GetRequiredService<IntakeRejections>().FindAsync(prescriber, "REF-1"));
        Assert.Equal(Hash(text), rejection.Id);
        Assert.Equal(prescriber, rejection.PrescriberId);
        Assert.Equal(new Domain.Violation("$.person.birthDate", "Date impossible : « 1980-02-30 » n'existe pas."), Assert.Single(rejection.Reasons));
        Assert.Empty(await app.Services.GetRequiredService<IntakeRejections>().FindAsync(prescriber, "REF-2"));
    }

    [Fact(Timeout = 60_000)]
    public async Task RejectedMessageText_IsOnTheQueueOnly_ExpiringAfterTheRetention_NeverInTheRow()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var text = Bad("impossible-date", NewPrescriber());
        var id = Hash(text);

        await probe.HandleAsync(text);

        var row = Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}")));
        Assert.False(row.ContainsKey("Message"));
        Assert.DoesNotContain(row, p => p.Value is string v && v.Contains("1980-02-30", StringComparison.Ordinal) && p.Key != "Reasons");
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(IntakeRejections.Queue);
        var sent = (await queue.PeekMessagesAsync(32)).Value
            .Select(m => (Message: m, Body: JsonSerializer.Deserialize<JsonElement>(Convert.FromBase64String(m.Body.ToString()))))
            .Single(m => IntakeProbe.Text(m.Body, "id") == id);
        Assert.Equal(text, IntakeProbe.Text(sent.Body, "message"));
        Assert.Equal(TimeSpan.FromDays(IntakeSettings.DefaultRejectedMessageDays), sent.Message.ExpiresOn - sent.Message.InsertedOn);
    }

    [Fact(Timeout = 60_000)]
    public async Task RejectionRecordedButNotSent_IsSentOnTheNextDelivery_AndOnlyThen()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var text = Bad("wrong-schema", NewPrescriber());
        var id = Hash(text);
        await probe.HandleAsync(text);
        Assert.Single(await probe.RejectedAsync(null, id));

        // As if the host had stopped between recording the row and sending its message, its claim over.
        var table = azurite.Azurite.Clients().Tables.GetTableClient(app.Hub + "IntakeRejections");
        var row = Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}")));
        row["Notified"] = false;
        row["ClaimedUntil"] = DateTimeOffset.UnixEpoch;
        await table.UpdateEntityAsync(row, row.ETag);
        await probe.HandleAsync(text);
        await probe.HandleAsync(text);

        Assert.Equal(2, (await probe.RejectedAsync(null, id)).Count);
        Assert.True(Assert.Single(await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}"))).GetBoolean("Notified"));
    }

    internal static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static string Bad(string kind, string prescriber)
    {
        var request = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14"));
        switch (kind)
        {
            case "oversized":
                request["medical"]!["summary"] = new string('x', 50_000);
                break;
            case "not-json":
                return $"ceci n'est pas du JSON ({Guid.NewGuid()})";
            case "array":
                return new JsonArray(request).ToJsonString();
            case "wrong-schema":
                request["schema"] = "guichet.dossier.v0";
                break;
            case "unknown-device":
                request["device"] = "XYZ";
                break;
            case "impossible-date":
                request["person"]!["birthDate"] = "1980-02-30";
                break;
            case "forbidden-key":
                request["externalRef"] = "REF/1";
                break;
            case "device-not-open":
                request["device"] = "LHSS";
                break;
            case "device-opens-later":
                request["device"] = "LAM";
                break;
        }

        return request.ToJsonString();
    }
}
