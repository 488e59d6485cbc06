using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Host.Security;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// Dossiers to drive over HTTP: each test opens its own through the runtime (as intake would), for a prescriber of its
/// own, so that tests sharing one app and its read models never meet; callers of each role; reading bodies on the wire.
/// </summary>
internal static class DossierScenarios
{
    public const string MedicalSummary = "VIH suivi à Avicenne, diabète déséquilibré.";

    /// <summary>A prescriber id no other test uses.</summary>
    public static Prescriber NewPrescriber() => new("presc-" + Guid.NewGuid().ToString("N")[..10], PrescriberType.StreetOutreach, "Maraude du Samu social de Paris");

    public static DossierRequest Request(Prescriber? prescriber = null, string? externalRef = null) => new(
        externalRef ?? "VT-" + Guid.NewGuid().ToString("N")[..10],
        prescriber ?? NewPrescriber(),
        Device.Act,
        new Person("Diallo", "Mamadou", PartialDate.Of(new DateOnly(1978, 4, 17)), Sex.Male, null),
        new SocialSituation(HousingSituation.StreetOrSquat, AdminStatus.ResidencePermit, new Household(false, 0, true), new Anchoring([Department.SeineSaintDenis], PartialDate.OfYear(2021))),
        new MedicalSituation([Pathology.Hiv, Pathology.Diabetes], false, true, MedicalSummary),
        new Wishes([Department.SeineSaintDenis]),
        new DateTimeOffset(2026, 11, 16, 9, 0, 0, TimeSpan.Zero));

    /// <summary>Opens a dossier for the request through the runtime, as intake does, and returns its id.</summary>
    public static async Task<string> OpenAsync(GuichetApp app, DossierRequest request, params PossibleDuplicate[] duplicates)
    {
        var id = DossierIds.For(request.Key);
        var input = JsonSerializer.SerializeToElement(new OpenDossier(request, duplicates), WorkflowJson.Options);
        var outcome = await app.Runtime.StartAsync(DossierDecider.TypeName, id, input);
        Assert.Equal(StartResult.Started, outcome.Result);
        return id;
    }

    /// <summary>Opens a dossier for a new prescriber's request; returns the id and the request.</summary>
    public static async Task<(string Id, DossierRequest Request)> OpenAsync(GuichetApp app)
    {
        var request = Request();
        return (await OpenAsync(app, request), request);
    }

    public static HttpClient Prescriber(GuichetApp app, DossierRequest request) =>
        app.ClientWith(GuichetApp.Token([Roles.Prescriber], org: request.Prescriber.Id, name: "Paula"));

    public static HttpClient As(GuichetApp app, string role, string name = "Alice") => app.ClientWith(GuichetApp.Token([role], org: "consortium-idf", name: name));

    public static StringContent Json(object value) => new(JsonSerializer.Serialize(value), Encoding.UTF8, "application/json");

    public static object EligibleMedical(int severity = 4) => new { verdict = "eligible", severity, needs = new[] { "reduced-mobility" } };

    public static object EligibleSocial(int vulnerability = 3) => new { verdict = "eligible", vulnerability, housing = "emergency-shelter", anchoring = new { departments = new[] { "93" }, since = "2021" } };

    /// <summary>The dossier's status as its instance reports it.</summary>
    public static async Task<string?> StatusAsync(GuichetApp app, string id) => (await app.Runtime.GetStatusAsync(id))?.CustomStatus;

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();

    /// <summary>Every property name in the document, at any depth.</summary>
    public static IEnumerable<string> PropertyNames(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => PropertyNames(p.Value).Prepend(p.Name)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany(PropertyNames),
        _ => [],
    };

    /// <summary>Waits for the read model to catch up: it is written after the step commits.</summary>
    public static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Eventually.HoldsAsync(condition, what, TimeSpan.FromSeconds(20));

    /// <summary>Every row of a paged list, following <c>x-ms-continuation-token</c> to its last page.</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(HttpClient client, string path)
    {
        var rows = new List<JsonElement>();
        string? token = null;
        do
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Add("x-ms-continuation-token", token);
            }

            using var response = await client.SendAsync(request);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            rows.AddRange((await BodyAsync(response)).EnumerateArray());
            token = response.Headers.TryGetValues("x-ms-continuation-token", out var values) ? values.Single() : null;
        }
        while (token is not null);
        return rows;
    }
}
