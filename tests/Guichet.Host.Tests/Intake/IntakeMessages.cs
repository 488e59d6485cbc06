using System.Text;
using System.Text.Json.Nodes;

namespace Guichet.Host.Tests.Intake;

/// <summary>Intake messages for the tests: a complete request for a person, changed one field at a time.</summary>
internal static class IntakeMessages
{
    /// <summary>A prescriber id no other test uses.</summary>
    public static string NewPrescriber() => "presc-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A complete, valid ACT request of <paramref name="prescriberId"/> for <paramref name="person"/>.</summary>
    public static JsonObject Request(string prescriberId, string externalRef, JsonObject person, string submittedAt = "2026-10-01T09:00:00Z", string device = "ACT") => new()
    {
        ["schema"] = "guichet.dossier.v1",
        ["externalRef"] = externalRef,
        ["prescriber"] = new JsonObject { ["id"] = prescriberId, ["type"] = "street-outreach", ["name"] = "Maraude " + prescriberId },
        ["device"] = device,
        ["person"] = person,
        ["social"] = new JsonObject { ["housing"] = "street-or-squat" },
        ["medical"] = new JsonObject { ["pathologies"] = new JsonArray("hiv") },
        ["submittedAt"] = submittedAt,
    };

    /// <summary>A person; the INS is left out when null.</summary>
    public static JsonObject Person(string lastName, string firstName, string birthDate, string sex = "male", string? ins = null)
    {
        var person = new JsonObject { ["lastName"] = lastName, ["firstName"] = firstName, ["birthDate"] = birthDate, ["sex"] = sex };
        if (ins is not null)
        {
            person["ins"] = ins;
        }

        return person;
    }

    /// <summary>A last name no other test uses (ten random letters), so that no test's person matches another's.</summary>
    public static string UniqueName() => "Z" + new string([.. Enumerable.Range(0, 9).Select(_ => (char)('a' + Random.Shared.Next(26)))]);

    /// <summary>The message's base64 form, as Azure Functions producers send it.</summary>
    public static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    /// <summary>A valid INS for a 13-digit NIR: the NIR and its key.</summary>
    public static string Ins(string nir) => nir + (97 - (long.Parse(nir, System.Globalization.CultureInfo.InvariantCulture) % 97)).ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
}
