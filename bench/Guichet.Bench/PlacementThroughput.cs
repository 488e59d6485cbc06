using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Guichet.Domain;
using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Placement;
using Guichet.Domain.Readings;
using Guichet.Domain.Structures;
using Guichet.Host.Security;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Bench;

/// <summary>
/// Placement through the runtime on Azurite (issue 9's benchmark): the real host in process fills ACT places from a
/// waiting list of <c>waiting</c> dossiers. The list's top (the dossiers the places will take) are dossier instances
/// brought to the list through their workflow; the rest are rows written directly, in batches, ranked below them but
/// read and ranked by every matching wave. Places are declared over HTTP in waves, each matched by the
/// <c>vacancy-matching</c> trigger under the device's lease; once every candidate's dossier has taken its proposal,
/// each place admits its first candidate over HTTP, and the wave is done when every admission is confirmed and the
/// two others are back on the list. Storage requests are counted per phase (the host's idle polling included).
/// </summary>
internal static class PlacementThroughput
{
    private const string Hub = "BenchPlacement";
    private const string Audience = "api://guichet-bench";
    private const string SigningKey = "guichet-bench-signing-key-0123456789abcdef";
    private const int Seed = 20261124;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(10);

    public static async Task<string> RunAsync(Azurite azurite, int waiting, int vacancies, int wave)
    {
        var phases = new PhaseSwitch();
        await using var host = new BenchHost(azurite, Hub, azurite.Clients(phases), settings: new Dictionary<string, string?>
        {
            ["AzureFunctionsJobHost:extensions:queues:maxPollingInterval"] = "00:00:01",
        });
        _ = host.Server;
        var runtime = host.Services.GetRequiredService<WorkflowRuntime>();
        var reader = await BenchRuntime.CreateAsync(azurite, Hub, TimeProvider.System, null, new VacancyDecider());

        var seeding = Stopwatch.StartNew();
        var instances = Math.Min(waiting, vacancies + 3 * wave + 10);
        await Measure.RateAsync(instances, 8, i => WaitingDossierAsync(runtime, i));
        await WriteRowsAsync(runtime, instances, waiting);
        seeding.Stop();

        var from = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(14);
        var act = StructureCatalog.All.Where(s => s.Device == Device.Act).Select(s => s.Id).ToArray();
        var clients = act.ToDictionary(s => s, s => StructureClient(host, s));
        await EnlargeAsync(host, act, vacancies / act.Length + wave);
        var (declared, answered) = (new RequestProfile(), new RequestProfile());
        var (declaring, answering) = (TimeSpan.Zero, TimeSpan.Zero);
        var all = new List<string>();
        for (var first = 0; first < vacancies; first += wave)
        {
            var structures = Enumerable.Range(first, Math.Min(wave, vacancies - first)).Select(i => act[i % act.Length]).ToArray();
            phases.Current = declared;
            var clock = Stopwatch.StartNew();
            var ids = await Task.WhenAll(structures.Select(s => DeclareAsync(clients[s], s, from)));
            var proposed = await UntilProposedAsync(reader, ids);
            declaring += clock.Elapsed;

            phases.Current = answered;
            clock.Restart();
            await Task.WhenAll(proposed.Select(v => AdmitFirstAsync(clients[v.Place.StructureId], v, from)));
            await UntilSettledAsync(reader, proposed);
            answering += clock.Elapsed;
            all.AddRange(ids);
        }

        phases.Current = null;
        var ended = await Task.WhenAll(all.Select(id => StateAsync(reader, id)));
        var notTaken = ended.SelectMany(v => v.Candidacies).Count(c => c.Status == CandidacyStatus.Withdrawn);
        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        return string.Create(CultureInfo.InvariantCulture, $"""
            Placement through the runtime (Azurite; the real host: HTTP declarations and answers, vacancy-matching under the ACT lease)
              waiting list: {waiting:N0} ACT dossiers ({instances:N0} dossier instances at its top, the rest rows written directly), seeded in {seeding.Elapsed.TotalSeconds:F0} s
              {vacancies:N0} places in waves of {wave}: {ended.Count(v => v.End is { Confirmed: true }):N0} filled and confirmed, {notTaken} proposals not taken by their dossier (a stale read model)
              declare + match (3 candidates, taken by their dossiers) : {vacancies / declaring.TotalSeconds,8:F2} places/s  ({declaring.TotalSeconds:F1} s)
            {declared.Report(vacancies)}  answer (admit the first; admission confirmed, two back on the list) : {vacancies / answering.TotalSeconds,8:F2} places/s  ({answering.TotalSeconds:F1} s)
            {answered.Report(vacancies)}  both phases                                               : {vacancies / (declaring + answering).TotalSeconds,8:F2} places/s
              (storage requests are per place; "per message" above reads "per place")

            """);
    }

    /// <summary>A dossier brought to the waiting list through its workflow: opened, read (severity and vulnerability 5), declared admissible.</summary>
    private static async Task WaitingDossierAsync(WorkflowRuntime runtime, int i)
    {
        var id = DossierId(i);
        var requested = TimeProvider.System.GetUtcNow().AddDays(-400 - i % 300);
        var request = new DossierRequest(
            "ref-" + id,
            new Prescriber("maraude-75", PrescriberType.StreetOutreach, "Maraude"),
            Device.Act,
            new Person("Nom-" + id, "Prénom", PartialDate.OfYear(1980), Sex.Female, null),
            new SocialSituation(HousingSituation.StreetOrSquat, AdminStatus.ResidencePermit, Household.Alone, Anchoring.None),
            new MedicalSituation([Pathology.Hiv], false, false, null),
            Wishes.Anywhere,
            requested);
        await runtime.StartAsync(DossierDecider.TypeName, id, Json(new OpenDossier(request, [])));
        await RaiseAsync(runtime, id, DossierEventNames.MedicalReadingRecorded, new MedicalReadingRecorded(new MedicalReading(ReadingVerdict.Eligible, 5, [], null, null, null)));
        await RaiseAsync(runtime, id, DossierEventNames.SocialReadingRecorded, new SocialReadingRecorded(new SocialReading(ReadingVerdict.Eligible, 5, HousingSituation.StreetOrSquat, Anchoring.None, null, null, null)));
        await RaiseAsync(runtime, id, DossierEventNames.PutOnAgenda, new PutOnAgenda("S-bench"));
        await RaiseAsync(runtime, id, DossierEventNames.CommissionDecided, new CommissionDecided("S-bench", CommissionVerdict.Admissible, null, null, null));
    }

    /// <summary>
    /// The rest of the list as rows, as the dossier workflow projects them, 100 to a transaction (one partition): lower
    /// severity and vulnerability than the instances, so ranked below them; needs and wishes drawn at random.
    /// </summary>
    private static async Task WriteRowsAsync(WorkflowRuntime runtime, int first, int waiting)
    {
        var random = new Random(Seed);
        var now = TimeProvider.System.GetUtcNow();
        var rows = Enumerable.Range(first, waiting - first).Select(i => Row(random, DossierId(i), now)).Select(r => ReadModelSeed.Entity(r.Device, r.DossierId, r)).ToArray();
        await ReadModelSeed.WriteManyAsync(runtime, DossierReadModels.WaitingList, rows, parallelism: 4);
    }

    private static WaitingListRow Row(Random random, string id, DateTimeOffset now)
    {
        var requested = now.AddDays(-random.Next(0, 3 * 365));
        var care = Enum.GetValues<CareNeed>().Where(_ => random.Next(10) == 0).Select(WireName.Of);
        var wishes = random.GetItems(Enum.GetValues<Department>(), random.Next(0, 3)).Distinct().Select(WireName.Of);
        return new WaitingListRow(
            id, WireName.Of(Device.Act), requested, requested.AddDays(random.Next(1, 60)), random.Next(0, 3), random.Next(0, 3),
            WireName.Of((HousingSituation)random.Next(0, 6)), null, "", string.Join(",", wishes), null,
            WireName.Of(random.Next(3) == 0 ? Sex.Female : Sex.Male), random.Next(1950, 2006), "infectious", string.Join(",", care),
            random.Next(7) == 0, random.Next(20) == 0 ? 1 : 0, random.Next(10) == 0, WaitingRequest.ToRow([new WaitingRequest("hopital-y", "ref-" + id)]))
        { Status = WireName.Of(DossierStatus.WaitingList) };
    }

    /// <summary>
    /// Gives each structure room for the places it will fill, as the ARS would through the registry (the region's
    /// ACT structures hold fewer places than a thousand admissions, each an ongoing stay counted against its capacity).
    /// </summary>
    private static async Task EnlargeAsync(BenchHost host, IEnumerable<string> structures, int capacity)
    {
        using var agency = Client(host, Roles.ArsAdmin, null);
        foreach (var id in structures)
        {
            var structure = (await agency.GetFromJsonAsync<JsonObject>($"/api/structures/{id}"))!;
            structure["capacity"] = Math.Max(capacity, structure["capacity"]!.GetValue<int>());
            using var saved = await agency.PutAsJsonAsync($"/api/structures/{id}", structure);
            saved.EnsureSuccessStatusCode();
        }
    }

    private static HttpClient StructureClient(BenchHost host, string structureId) => Client(host, Roles.Structure, structureId);

    private static HttpClient Client(BenchHost host, string role, string? org)
    {
        var client = host.CreateClient();
        var token = DevelopmentIssuer.Issue(new DevelopmentToken("Directrice", "dev:directrice", [role], org, TimeSpan.FromHours(2)), Audience, SigningKey, TimeProvider.System);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<string> DeclareAsync(HttpClient client, string structureId, DateOnly from)
    {
        using var response = await client.PostAsJsonAsync($"/api/structures/{structureId}/vacancies", new { availableFrom = from });
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonDocument.Parse(body).RootElement.GetProperty("vacancy").GetProperty("vacancyId").GetString()!
            : throw new InvalidOperationException($"Declaring a place of {structureId}: {response.StatusCode} {body}");
    }

    private static async Task AdmitFirstAsync(HttpClient client, Vacancy vacancy, DateOnly from)
    {
        var first = vacancy.Candidacies.First(c => c.IsPending);
        using var response = await client.PostAsJsonAsync($"/api/candidacies/{first.Id}/decision", new { decision = "admit", entryDate = from });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Admitting {first.Id}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    /// <summary>Until every place has three pending candidacies and each candidate's dossier has taken its proposal.</summary>
    private static async Task<Vacancy[]> UntilProposedAsync(WorkflowRuntime reader, string[] ids)
    {
        Vacancy[] states = [];
        await UntilAsync(async () =>
        {
            states = await Task.WhenAll(ids.Select(id => StateAsync(reader, id)));
            return states.All(v => v.Candidacies.Count(c => c.IsPending) == Matching.CandidatesPerPlace)
                && await AllAsync(reader, states.SelectMany(v => v.Candidacies.Where(c => c.IsPending)).Select(c => c.DossierId), "proposed");
        }, "three candidates proposed and taken for every place of the wave");
        return states;
    }

    /// <summary>Until every admission is confirmed (the place complete) and every other candidate is back on the list.</summary>
    private static Task UntilSettledAsync(WorkflowRuntime reader, Vacancy[] proposed) => UntilAsync(async () =>
    {
        var states = await Task.WhenAll(proposed.Select(v => StateAsync(reader, v.Id)));
        return states.All(v => v.End is { Confirmed: true })
            && await AllAsync(reader, states.Select(v => v.End!.FilledBy!), "admitted")
            && await AllAsync(reader, states.SelectMany(v => v.Candidacies.Where(c => c.Status == CandidacyStatus.PlaceFilledByAnotherCandidate)).Select(c => c.DossierId), "waiting-list");
    }, "every admission confirmed, every other candidate back on the list");

    private static async Task<bool> AllAsync(WorkflowRuntime reader, IEnumerable<string> dossiers, string status) =>
        (await Task.WhenAll(dossiers.Select(async d => (await reader.GetStatusAsync(d))?.CustomStatus))).All(s => s == status);

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > Patience)
            {
                throw new TimeoutException($"Still not true after {clock.Elapsed.TotalMinutes:F0} min: {what}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), TimeProvider.System);
        }
    }

    private static async Task<Vacancy> StateAsync(WorkflowRuntime reader, string id) =>
        (await reader.GetStatusAsync(id, withData: true))!.State!.Value.Deserialize<Vacancy>(WorkflowJson.Options)!;

    private static async Task RaiseAsync(WorkflowRuntime runtime, string id, string name, object payload)
    {
        var outcome = await runtime.RaiseEventAsync(id, name, Json(payload), Guid.NewGuid().ToString("N"));
        if (outcome.Result != RaiseResult.Applied)
        {
            throw new InvalidOperationException($"{name} on {id}: {outcome.Result} {outcome.Reason}");
        }
    }

    private static string DossierId(int i) => $"bench-{i:D6}";

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), WorkflowJson.Options);

    /// <summary>Hands each storage request to the profile of the phase under way (none between phases: not counted).</summary>
    private sealed class PhaseSwitch : HttpPipelinePolicy
    {
        public RequestProfile? Current { get; set; }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (Current is { } profile)
            {
                profile.Process(message, pipeline);
            }
            else
            {
                ProcessNext(message, pipeline);
            }
        }

        public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            Current is { } profile ? profile.ProcessAsync(message, pipeline) : ProcessNextAsync(message, pipeline);
    }
}
