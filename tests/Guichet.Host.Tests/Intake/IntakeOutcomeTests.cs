using System.Diagnostics.Metrics;
using Guichet.Host.Observability;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>Invariant 8, as operators see it: every intake message ends in one outcome, logged once with its key and counted.</summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeOutcomeTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task EveryMessage_OneOutcomeLine_AndOneCount_NeverTheIdentity()
    {
        var app = host.Get(azurite);
        var probe = new IntakeProbe(app, azurite);
        var (a, b, c) = (NewPrescriber(), NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        var first = Request(a, "A-1", Person(name, "Karim", "1975-06-14"));
        var update = first.DeepClone().AsObject();
        update["social"]!["housing"] = "emergency-shelter";
        var counted = new List<string>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Name == "guichet.intake.outcomes")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            lock (counted)
            {
                counted.Add((string)tags.ToArray().Single(t => t.Key == "outcome").Value!);
            }
        });
        listener.Start();

        await probe.HandleAsync(first.ToJsonString());
        await probe.HandleAsync(Request(b, "B-1", Person(name, "Karim", "1975-06-14")).ToJsonString());
        await probe.HandleAsync(update.ToJsonString());
        await probe.HandleAsync(Request(c, "C-1", Person(name, "Karim", "1975-06-14"), device: "LHSS").ToJsonString());

        var lines = app.Logs.Lines.Where(l => l.Category.EndsWith("IntakeHandler", StringComparison.Ordinal) && new[] { a, b, c }.Contains(l.Properties.GetValueOrDefault("PrescriberId") as string)).ToList();
        Assert.Equal(["created", "merged", "updated", "rejected"], lines.Select(l => l.Properties["Outcome"]));
        Assert.All(lines, l => Assert.DoesNotContain(name, l.Message, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(["created", "merged", "updated", "rejected"], counted);
        Assert.Equal(GuichetTelemetry.Name, GuichetTelemetry.IntakeOutcomes.Meter.Name);
    }
}
