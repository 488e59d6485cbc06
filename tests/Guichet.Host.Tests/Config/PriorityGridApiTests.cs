using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Domain.Ranking;
using Guichet.Host.Config;
using Guichet.Host.Security;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using static Guichet.Host.Tests.ClockedApp;
using static Guichet.Host.Tests.WaitingRows;

namespace Guichet.Host.Tests.Config;

/// <summary>
/// The versioned priority grid over HTTP (invariant 6): version 1 is the default grid, drafts are validated with
/// every problem listed, activation is dated, an activated version never changes, a draft is previewed against
/// the waiting list, and who wrote and who activated each version is kept.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class PriorityGridApiTests(AzuriteFixture azurite)
{
    private static readonly string[] Breakdowns = ["bySex", "byAgeBand", "byDepartment", "byPathologyGroup"];

    private const string Grid = "/api/config/priority-grid";
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    /// <summary>The default grid with the street worth 20 points, as an ARS might set it after a hard winter; no version (the next).</summary>
    private static JsonObject StreetDraft()
    {
        var grid = JsonSerializer.SerializeToNode(PriorityGrid.Default with
        {
            Sections = [.. PriorityGrid.Default.Sections.Select(s => s.Code != "housing" ? s : s with { Criteria = [.. s.Criteria.Select(c => c.Code == "street-or-squat" ? c with { Points = 20 } : c)] })],
        }, WorkflowJson.Options)!.AsObject();
        grid.Remove("version");
        return grid;
    }

    private static JsonObject Versioned(JsonObject grid, int version)
    {
        var copy = grid.DeepClone().AsObject();
        copy["version"] = version;
        return copy;
    }

    private static JsonElement Version(JsonElement body, int version) =>
        body.GetProperty("versions").EnumerateArray().Single(v => v.GetProperty("version").GetInt32() == version);

    [Fact(Timeout = 120_000)]
    public async Task BeforeAnyWrite_VersionOne_IsTheDefaultGrid_InForce()
    {
        await using var host = Start(azurite, Now);
        using var observatory = host.Client(Roles.Observatory);

        using var response = await observatory.GetAsync(Grid);

        var body = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var active = body.GetProperty("active");
        Assert.Equal((1, "active", PriorityGridStore.DefaultAuthor), (active.GetProperty("version").GetInt32(), active.GetProperty("status").GetString(), active.GetProperty("createdBy").GetString()));
        var served = active.GetProperty("grid").Deserialize<PriorityGrid>(WorkflowJson.Binding);
        Assert.Equal(JsonSerializer.Serialize(PriorityGrid.Default, WorkflowJson.Options), JsonSerializer.Serialize(served, WorkflowJson.Options));
        Assert.Single(body.GetProperty("versions").EnumerateArray());
    }

    [Fact(Timeout = 120_000)]
    public async Task AnInvalidGrid_Is422_ListingEveryProblemInFrench_AndWritesNothing()
    {
        await using var host = Start(azurite, Now);
        using var admin = host.Client(Roles.ArsAdmin);
        var invalid = new
        {
            sections = new object[]
            {
                new
                {
                    code = "housing",
                    label = "Logement",
                    criteria = new object[]
                    {
                        new { code = "street", kind = "housing", points = -1 },
                        new { code = "street", kind = "medical-severity", points = 2, threshold = 9 },
                    },
                },
                new { code = "empty", label = "Vide", criteria = Array.Empty<object>() },
            },
            seniorityPointsPer30Days = 1,
            seniorityCap = -3,
        };

        using var response = await admin.PutAsJsonAsync(Grid, invalid);
        using var after = await admin.GetAsync(Grid);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await ReadAsync(response)).GetProperty("errors");
        Assert.Equal(
            ["$.sections[0].criteria[0].housing", "$.sections[0].criteria[0].points", "$.sections[0].criteria[1].code", "$.sections[0].criteria[1].threshold", "$.sections[1].criteria", "$.seniorityCap"],
            errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("négatif", errors.GetProperty("$.seniorityCap")[0].GetString(), StringComparison.Ordinal);
        Assert.Single((await ReadAsync(after)).GetProperty("versions").EnumerateArray());
    }

    [Fact(Timeout = 120_000)]
    public async Task AMisspeltOrMistypedField_Is400_NamingIt()
    {
        await using var host = Start(azurite, Now);
        using var admin = host.Client(Roles.ArsAdmin);
        var misspelt = StreetDraft();
        misspelt["seniorityCapp"] = misspelt["seniorityCap"]!.DeepClone();
        misspelt.Remove("seniorityCap");
        var mistyped = StreetDraft();
        mistyped["seniorityCap"] = "douze";

        using var first = await admin.PutAsJsonAsync(Grid, misspelt);
        using var second = await admin.PutAsJsonAsync(Grid, mistyped);

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("seniorityCap", (await ReadAsync(first)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.True((await ReadAsync(second)).GetProperty("errors").TryGetProperty("$.seniorityCap", out _));
    }

    [Fact(Timeout = 120_000)]
    public async Task ADraftActivatedFromADate_IsInForceFromThatDate_AndWhoDidWhatIsKept()
    {
        await using var host = Start(azurite, Now);
        using var alice = host.Client(Roles.ArsAdmin, name: "Alice");
        using var bob = host.Client(Roles.ArsAdmin, name: "Bob");
        using var commission = host.Client(Roles.Commission);

        using var written = await alice.PutAsJsonAsync(Grid, StreetDraft());
        using var activated = await bob.PostAsync($"{Grid}/2/activate?from={Uri.EscapeDataString(Now.AddDays(2).ToString("O"))}", null);
        var before = await ReadAsync(await commission.GetAsync(Grid));
        host.Clock.Advance(TimeSpan.FromDays(2));
        var after = await ReadAsync(await commission.GetAsync(Grid));
        var list = await ReadAsync(await commission.GetAsync("/api/waiting-list?device=ACT"));

        Assert.Equal(HttpStatusCode.Created, written.StatusCode);
        var draft = await ReadAsync(written);
        Assert.Equal((2, "draft"), (draft.GetProperty("version").GetInt32(), draft.GetProperty("status").GetString()));
        Assert.StartsWith("Alice", draft.GetProperty("createdBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        var scheduled = await ReadAsync(activated);
        Assert.Equal(("scheduled", Now.AddDays(2)), (scheduled.GetProperty("status").GetString(), scheduled.GetProperty("activeFrom").GetDateTimeOffset()));
        Assert.StartsWith("Bob", scheduled.GetProperty("activatedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal((1, "scheduled"), (before.GetProperty("active").GetProperty("version").GetInt32(), Version(before, 2).GetProperty("status").GetString()));
        Assert.Equal((2, "retired"), (after.GetProperty("active").GetProperty("version").GetInt32(), Version(after, 1).GetProperty("status").GetString()));
        Assert.StartsWith("Alice", Version(after, 2).GetProperty("createdBy").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, list.GetProperty("gridVersion").GetInt32());
    }

    [Fact(Timeout = 120_000)]
    public async Task AnActivatedVersion_NeverChanges()
    {
        await using var host = Start(azurite, Now);
        using var admin = host.Client(Roles.ArsAdmin);
        using var draft = await admin.PutAsJsonAsync(Grid, StreetDraft());
        var revision = Versioned(StreetDraft(), 2);
        revision["seniorityCap"] = 10;

        using var revised = await admin.PutAsJsonAsync(Grid, revision);
        using var activated = await admin.PostAsync($"{Grid}/2/activate", null);
        using var rewrite = await admin.PutAsJsonAsync(Grid, Versioned(StreetDraft(), 2));
        using var reactivate = await admin.PostAsync($"{Grid}/2/activate", null);
        using var rewriteDefault = await admin.PutAsJsonAsync(Grid, Versioned(StreetDraft(), 1));
        using var skipping = await admin.PutAsJsonAsync(Grid, Versioned(StreetDraft(), 5));
        using var unknown = await admin.PostAsync($"{Grid}/9/activate", null);
        using var third = await admin.PutAsJsonAsync(Grid, StreetDraft());
        using var backdated = await admin.PostAsync($"{Grid}/3/activate?from={Uri.EscapeDataString(Now.AddHours(-1).ToString("O"))}", null);
        var grids = await ReadAsync(await admin.GetAsync(Grid));

        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal("active", (await ReadAsync(activated)).GetProperty("status").GetString());
        Assert.All([rewrite, reactivate, rewriteDefault, skipping], r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("ne change plus", (await ReadAsync(rewrite)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(3, (await ReadAsync(third)).GetProperty("version").GetInt32());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, backdated.StatusCode);
        Assert.Equal(10, grids.GetProperty("active").GetProperty("grid").GetProperty("seniorityCap").GetInt32());
        Assert.Equal(["draft", "active", "retired"], grids.GetProperty("versions").EnumerateArray().Select(v => v.GetProperty("status").GetString()));
    }

    [Fact(Timeout = 120_000)]
    public async Task ADraft_IsPreviewedAgainstTheWaitingList_RankChangesAndChangesByGroup()
    {
        await using var host = Start(azurite, Now);
        // Current grid: aïcha 8+10=18 (earlier), mamadou 8+10=18, piotr 12+3=15. The draft gives mamadou 28.
        await WriteAsync(
            host.Runtime,
            Row("D-AICHA", Now, 300, severity: 2, sex: "female", birthYear: 1961, anchoring: "75", pathologyGroups: "cancer"),
            Row("D-MAMADOU", Now, 20, severity: 2, housing: "street-or-squat", sex: "male", birthYear: 1990, anchoring: "93", pathologyGroups: "infectious,chronic-somatic"),
            Row("D-PIOTR", Now, 100, severity: 3, sex: "male", birthYear: 1975, pathologyGroups: "psychiatric"));
        using var admin = host.Client(Roles.ArsAdmin);
        using var draft = await admin.PutAsJsonAsync(Grid, StreetDraft());

        using var response = await admin.GetAsync($"{Grid}/2/preview?device=ACT");
        using var unknown = await admin.GetAsync($"{Grid}/7/preview?device=ACT");

        var preview = await ReadAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 2), (preview.GetProperty("currentVersion").GetInt32(), preview.GetProperty("draftVersion").GetInt32()));
        Assert.Equal(
            ["D-MAMADOU 2→1 18→28", "D-AICHA 1→2 18→18", "D-PIOTR 3→3 15→15"],
            preview.GetProperty("dossiers").EnumerateArray().Select(d =>
                $"{d.GetProperty("dossierId").GetString()} {d.GetProperty("currentRank").GetInt32()}→{d.GetProperty("draftRank").GetInt32()} {d.GetProperty("currentScore").GetInt32()}→{d.GetProperty("draftScore").GetInt32()}"));
        // Three dossiers: every group is under eleven, so its figures are masked (the arithmetic is the domain's tests').
        var groups = Breakdowns.SelectMany(g => preview.GetProperty(g).EnumerateArray()).ToList();
        Assert.All(groups, g => Assert.True(g.GetProperty("suppressed").GetBoolean() && g.GetProperty("dossiers").ValueKind == System.Text.Json.JsonValueKind.Null, g.ToString()));
        Assert.Equal(["female", "male"], preview.GetProperty("bySex").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(["75", "93", "unknown"], preview.GetProperty("byDepartment").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(["infectious", "cancer", "chronic-somatic", "psychiatric"], preview.GetProperty("byPathologyGroup").EnumerateArray().Select(g => g.GetProperty("group").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
