using System.Diagnostics;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Runtime;
using Guichet.Runtime.Workflows;
using Guichet.Testing;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// Two hosts of one task hub on one Azurite, as two instances of the app share a storage account: each runs the
/// triggers (vacancy-matching under the device's lease, timers, outbox) on its own fake clock, and the clocks move together.
/// </summary>
internal sealed class PlacementPair : IAsyncDisposable
{
    private PlacementPair(ClockedApp first, ClockedApp second) => (First, Second) = (first, second);

    public ClockedApp First { get; }

    public ClockedApp Second { get; }

    /// <summary>The state both hosts read and write.</summary>
    public WorkflowRuntime Runtime => First.Runtime;

    public static PlacementPair Start(AzuriteFixture azurite, DateTimeOffset now, IDictionary<string, string?>? settings = null)
    {
        var first = ClockedApp.Start(azurite, now, settings);
        var shared = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["AzureFunctionsJobHost:extensions:workflows:hubName"] = first.App.Hub,
        };
        return new(first, ClockedApp.Start(azurite, now, shared));
    }

    /// <summary>The first host for even numbers, the second for odd ones: work spread over both.</summary>
    public ClockedApp Host(int i) => i % 2 == 0 ? First : Second;

    /// <summary>A dossier put on the waiting list through the first host (which moves its clock), the second's clock brought level.</summary>
    public async Task<string> WaitingAsync(string id, int severity, int daysAgo = 30)
    {
        await First.WaitingAsync(id, severity, daysAgo);
        Second.Clock.Advance(First.Clock.GetUtcNow() - Second.Clock.GetUtcNow());
        return id;
    }

    public void Advance(TimeSpan step)
    {
        First.Clock.Advance(step);
        Second.Clock.Advance(step);
    }

    /// <summary>Moves both clocks in steps, letting the hosts work between them, until <paramref name="condition"/> holds.</summary>
    public async Task AdvanceUntilAsync(TimeSpan step, Func<Task<bool>> condition, string what, TimeSpan timeout)
    {
        var elapsed = Stopwatch.StartNew();
        while (!await condition())
        {
            if (elapsed.Elapsed > timeout)
            {
                throw new TimeoutException($"Still not true at fake time {First.Clock.GetUtcNow():O}: {what}.");
            }

            Advance(step);
            await Task.Delay(TimeSpan.FromMilliseconds(20), TimeProvider.System);
        }
    }

    public async Task<Vacancy> VacancyAsync(string vacancyId) =>
        (await Runtime.GetStatusAsync(vacancyId, withData: true))!.State!.Value.Deserialize<Vacancy>(WorkflowJson.Options)!;

    public async Task<Dossier> DossierAsync(string dossierId) =>
        (await Runtime.GetStatusAsync(dossierId, withData: true))!.State!.Value.Deserialize<Dossier>(WorkflowJson.Options)!;

    public async ValueTask DisposeAsync()
    {
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
