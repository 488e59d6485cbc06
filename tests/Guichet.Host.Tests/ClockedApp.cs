using System.Text.Json;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Schedules;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Host.Tests;

/// <summary>
/// The real host on a fake clock, in Europe/Paris, ACT open, and dossiers brought to the commission through the runtime.
/// </summary>
public sealed class ClockedApp : IAsyncDisposable
{
    private ClockedApp(GuichetApp app, FakeTimeProvider clock)
    {
        App = app;
        Clock = clock;
    }

    public GuichetApp App { get; }

    public FakeTimeProvider Clock { get; }

    public WorkflowRuntime Runtime => App.Runtime;

    public static ClockedApp Start(AzuriteFixture azurite, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var clock = new FakeTimeProvider(now);
        var all = new Dictionary<string, string?>
        {
            ["Timers:TimeZone"] = "Europe/Paris",
            ["Devices:ACT:OpenFrom"] = "2026-01-01",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var app = new GuichetApp(azurite.Azurite, all, services: services => services.AddSingleton<TimeProvider>(clock));
        _ = app.Server;
        return new ClockedApp(app, clock);
    }

    /// <summary>A client for <paramref name="role"/>; bearer validation reads the real clock, so the token is issued on it.</summary>
    public HttpClient Client(string role, string? org = "ars-idf", string name = "Alice") =>
        App.ClientWith(GuichetApp.Token([role], org, name));

    /// <summary>
    /// Opens a dossier from a request submitted <paramref name="daysAgo"/> days ago and records both readings
    /// (eligible) now: it awaits a commission of its device, its readings completed at the clock's time; then a
    /// minute passes, so that a session opened now has it before its cut-off.
    /// </summary>
    public async Task<string> AwaitingAsync(
        string id, Device device = Device.Act, int daysAgo = 10, int severity = 3, int vulnerability = 2, HousingSituation housing = HousingSituation.StreetOrSquat, string prescriber = "maraude-75", IReadOnlyList<CareNeed>? needs = null)
    {
        var request = new DossierRequest(
            "ref-" + id,
            new Prescriber(prescriber, PrescriberType.StreetOutreach, "Maraude"),
            device,
            new Person("Nom-" + id, "Prénom", PartialDate.OfYear(1980), Sex.Female, null),
            new SocialSituation(housing, AdminStatus.ResidencePermit, Household.Alone, Anchoring.None),
            new MedicalSituation([Pathology.Hiv], false, false, null),
            Wishes.Anywhere,
            Clock.GetUtcNow().AddDays(-daysAgo));
        var started = await Runtime.StartAsync(DossierDecider.TypeName, id, Json(new OpenDossier(request, [])));
        Assert.Equal(StartResult.Started, started.Result);
        await RaiseAsync(id, DossierEventNames.MedicalReadingRecorded, new MedicalReadingRecorded(new MedicalReading(ReadingVerdict.Eligible, severity, needs ?? [], null, null, null)));
        await RaiseAsync(id, DossierEventNames.SocialReadingRecorded, new SocialReadingRecorded(new SocialReading(ReadingVerdict.Eligible, vulnerability, housing, Anchoring.None, null, null, null)));
        Assert.Equal("awaiting-commission", (await Runtime.GetStatusAsync(id))!.CustomStatus);
        Clock.Advance(TimeSpan.FromMinutes(1));
        return id;
    }

    /// <summary>
    /// Moves the fake clock to <paramref name="to"/> and waits until each of the timer triggers <paramref name="timers"/>
    /// has fired its occurrence (<paramref name="occurrence"/>, else <paramref name="to"/>): once a timer has logged its
    /// firing it goes back to sleep until its next occurrence, so the clock may move again without it missing one.
    /// </summary>
    public async Task AdvanceToAsync(DateTimeOffset to, string[] timers, DateTimeOffset? occurrence = null)
    {
        Clock.Advance(to - Clock.GetUtcNow());
        var expected = occurrence ?? to;
        await Eventually.HoldsAsync(
            () => Task.FromResult(timers.All(timer => App.Logs.Lines.Any(l =>
                l.Properties.GetValueOrDefault("Timer") as string == timer
                && l.Properties.GetValueOrDefault("Occurrence") is DateTimeOffset fired && fired == expected
                && l.Properties.GetValueOrDefault("Result") is TimerFireResult.Fired))),
            $"{string.Join(", ", timers)} fired for {expected:O}",
            TimeSpan.FromSeconds(60));
    }

    public async Task RaiseAsync(string id, string name, object payload)
    {
        var outcome = await Runtime.RaiseEventAsync(id, name, Json(payload), Guid.NewGuid().ToString("N"));
        Assert.True(outcome.Result == RaiseResult.Applied, $"{name} on {id}: {outcome.Result} {outcome.Reason}");
    }

    public async Task<string?> StatusOfAsync(string id) => (await Runtime.GetStatusAsync(id))?.CustomStatus;

    public static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value, value.GetType(), WorkflowJson.Options);

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
