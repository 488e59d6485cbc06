using System.Text.Json.Nodes;

namespace Guichet.Domain.Tests.Intake;

/// <summary>Intake messages to start from: a complete, valid request that tests change one field at a time.</summary>
internal static class IntakeMessages
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 30, 0, TimeSpan.Zero);

    /// <summary>A complete request from a street outreach team for Mamadou Diallo, every optional part given.</summary>
    public static JsonObject Complete() => new()
    {
        ["schema"] = "guichet.dossier.v1",
        ["externalRef"] = "VT-2026-000123",
        ["prescriber"] = new JsonObject { ["id"] = "maraude-samu-social-75", ["type"] = "street-outreach", ["name"] = "Maraude du Samu social de Paris" },
        ["device"] = "ACT",
        ["person"] = new JsonObject { ["lastName"] = "Diallo", ["firstName"] = "Mamadou", ["birthDate"] = "1978-04-17", ["sex"] = "male", ["ins"] = "178029912304534" },
        ["social"] = new JsonObject
        {
            ["housing"] = "street-or-squat",
            ["adminStatus"] = "residence-permit",
            ["household"] = new JsonObject { ["partner"] = false, ["children"] = 0, ["pets"] = true },
            ["anchoring"] = new JsonObject { ["departments"] = new JsonArray("93", "75"), ["since"] = "2021" },
        },
        ["medical"] = new JsonObject
        {
            ["pathologies"] = new JsonArray("hiv", "diabetes"),
            ["activeSubstanceUse"] = false,
            ["reducedMobility"] = true,
            ["summary"] = "VIH suivi à Avicenne, diabète de type 2 déséquilibré, rupture de soins depuis six mois.",
        },
        ["wishes"] = new JsonObject { ["departments"] = new JsonArray("93") },
        ["submittedAt"] = "2026-11-23T08:15:00+01:00",
    };

    /// <summary>The required fields only.</summary>
    public static JsonObject Minimal() => new()
    {
        ["schema"] = "guichet.dossier.v1",
        ["externalRef"] = "HOP-4471",
        ["prescriber"] = new JsonObject { ["id"] = "aphp-avicenne", ["type"] = "hospital", ["name"] = "Hôpital Avicenne, service social" },
        ["device"] = "LHSS",
        ["person"] = new JsonObject { ["lastName"] = "Lefèvre", ["firstName"] = "Éléonore", ["birthDate"] = "1961", ["sex"] = "female" },
        ["social"] = new JsonObject { ["housing"] = "leaving-hospital-without-solution" },
        ["medical"] = new JsonObject { ["pathologies"] = new JsonArray("cancer") },
        ["submittedAt"] = "2026-11-22T16:40:00Z",
    };
}
