using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Testing;
using Xunit.Abstractions;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 1 under a race: two requests for the same person, handled at the same instant by two hosts of one task
/// hub, end in one active dossier holding both, with the earlier request date, every time.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeConcurrencyTests(AzuriteFixture azurite, IntakeHost host, ITestOutputHelper output)
{
    private const int Rounds = 12;

    [Fact(Timeout = 180_000)]
    public async Task SamePersonOnTwoHostsAtOnce_EndsInOneActiveDossier_EveryRound()
    {
        var first = host.Get(azurite);
        var settings = IntakeHost.DeviceSettings();
        settings["AzureFunctionsJobHost:extensions:workflows:hubName"] = first.Hub;
        await using var second = new GuichetApp(azurite.Azurite, settings);
        var (one, two) = (new IntakeProbe(first, azurite), new IntakeProbe(second, azurite));

        for (var round = 0; round < Rounds; round++)
        {
            var (a, b) = (NewPrescriber(), NewPrescriber());
            var person = Person(UniqueName(), "Karim", "1975-06-14");

            // Either may be the older request: the survivor keeps the earlier date, whichever host handled it.
            var (dateA, dateB) = round % 2 == 0 ? ("2026-09-01T08:00:00Z", "2026-10-01T08:00:00Z") : ("2026-10-01T08:00:00Z", "2026-09-01T08:00:00Z");
            var messageA = Request(a, "A-1", person, dateA).ToJsonString();
            var messageB = Request(b, "B-1", person.DeepClone().AsObject(), dateB).ToJsonString();
            var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var handled = Task.WhenAll(
                Task.Run(async () => { await go.Task; await one.HandleAsync(messageA); }),
                Task.Run(async () => { await go.Task; await two.HandleAsync(messageB); }));
            go.SetResult();
            await handled;

            var ids = new[] { DossierIds.For(new IntakeKey(a, "A-1")), DossierIds.For(new IntakeKey(b, "B-1")) };
            var dossiers = new List<Dossier>();
            foreach (var id in ids)
            {
                if (await one.DossierAsync(id) is { } found)
                {
                    dossiers.Add(found.Dossier);
                }
            }

            var active = Assert.Single(dossiers, d => d.End is null);
            Assert.Equal(new[] { a, b }.Order(StringComparer.Ordinal), active.Requests.Select(r => r.Prescriber.Id).Order(StringComparer.Ordinal));
            Assert.Equal(DateTimeOffset.Parse("2026-09-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture), active.FirstRequestAt);
            Assert.All(dossiers.Where(d => d.End is not null), d => Assert.Equal(active.Id, d.End!.MergedInto));
            output.WriteLine($"round {round}: {dossiers.Count} dossiers opened");
        }
    }
}
