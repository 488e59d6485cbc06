using System.Globalization;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 1 when an update changes a request's identity: a prescriber corrects the person of its request to that
/// of another prescriber's dossier, and the two dossiers of one person become one, both prescribers told.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeIdentityUpdateTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 90_000)]
    public async Task UpdateCorrectingTheIdentityToAnotherDossiersPerson_MergesTheLaterIntoTheEarlier_BothPrescribersTold_Once()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        var wrong = Request(a, "ref-1", Person(UniqueName(), "Moussa", "1980-01-01"), "2026-09-01T08:00:00Z");
        var corrected = wrong.DeepClone().AsObject();
        corrected["person"] = Person(name, "Awa", "1975-03-14", "female");
        var (earlier, later) = (DossierIds.For(new IntakeKey(a, "ref-1")), DossierIds.For(new IntakeKey(b, "ref-2")));

        await probe.SendAndWaitAsync(wrong.ToJsonString());
        await probe.SendAndWaitAsync(Request(b, "ref-2", Person(name, "Awa", "1975-03-14", "female"), "2026-10-01T08:00:00Z").ToJsonString());
        Assert.Null((await probe.DossierAsync(later))!.Value.Dossier.End); // two dossiers while the identity is wrong
        await probe.SendAndWaitAsync(corrected.ToJsonString());

        await Eventually.HoldsAsync(async () => (await probe.DossierAsync(later))?.Dossier.End is not null, "the later dossier ended");
        var (survivor, status) = (await probe.DossierAsync(earlier))!.Value;
        Assert.Null(survivor.End);
        Assert.NotEqual(RuntimeStatus.Completed, status);
        Assert.Equal([a, b], survivor.Requests.Select(r => r.Prescriber.Id));
        Assert.Equal("Awa", survivor.Requests.Single(r => r.Prescriber.Id == a).Person.FirstName);
        Assert.Equal(DateTimeOffset.Parse("2026-09-01T08:00:00Z", CultureInfo.InvariantCulture), survivor.FirstRequestAt);
        var merged = (await probe.DossierAsync(later))!.Value.Dossier;
        Assert.Equal(earlier, merged.End!.MergedInto);

        await Eventually.HoldsAsync(async () => (await TellsOfMergeAsync(probe, a, earlier)).Count > 0 && (await TellsOfMergeAsync(probe, b, earlier)).Count > 0, "both prescribers told of the merge");
        var told = (A: (await TellsOfMergeAsync(probe, a, earlier)).Count, B: (await TellsOfMergeAsync(probe, b, earlier)).Count);
        Assert.Equal("ref-2", IntakeProbe.Text(Assert.Single(await TellsOfMergeAsync(probe, b, earlier)), "externalRef"));

        // The same correction delivered again merges nothing more and tells nobody again.
        await probe.HandleAsync(corrected.ToJsonString());
        Assert.Equal(told, ((await TellsOfMergeAsync(probe, a, earlier)).Count, (await TellsOfMergeAsync(probe, b, earlier)).Count));
        var history = (await probe.App.Runtime.GetWholeHistoryAsync(earlier))!;
        Assert.Single(history, e => e.Kind == HistoryKind.EventApplied && e.Name == DossierEventNames.RequestUpdated);
        Assert.Single(history, e => e.Kind == HistoryKind.EventApplied && e.Name == DossierEventNames.DossierMerged);
    }

    [Fact(Timeout = 90_000)]
    public async Task UpdateCorrectingTheIdentityToOneThatMayBeAnotherDossiersPerson_ListsItForReview_Once_WithoutMerging()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        var wrong = Request(a, "ref-1", Person(UniqueName(), "Moussa", "1980-01-01"), "2026-09-01T08:00:00Z");
        var corrected = wrong.DeepClone().AsObject();
        corrected["person"] = Person(name, "Awa", "1975", "female"); // the year alone: a possible match, not a sure one
        var (updated, other) = (DossierIds.For(new IntakeKey(a, "ref-1")), DossierIds.For(new IntakeKey(b, "ref-2")));

        await probe.SendAndWaitAsync(wrong.ToJsonString());
        await probe.SendAndWaitAsync(Request(b, "ref-2", Person(name, "Awa", "1975-03-14", "female"), "2026-10-01T08:00:00Z").ToJsonString());
        await probe.SendAndWaitAsync(corrected.ToJsonString());
        await probe.HandleAsync(corrected.ToJsonString());

        var (dossier, _) = (await probe.DossierAsync(updated))!.Value;
        Assert.Equal([other], dossier.PossibleDuplicates.Select(p => p.DossierId));
        Assert.Null(dossier.End);
        Assert.Null((await probe.DossierAsync(other))!.Value.Dossier.End);
        var history = (await probe.App.Runtime.GetWholeHistoryAsync(updated))!;
        Assert.Single(history, e => e.Kind == HistoryKind.EventApplied && e.Name == DossierEventNames.PossibleDuplicatesFound);
    }

    /// <summary>The messages on <c>dossier-events</c> telling <paramref name="prescriberId"/> that its request is in <paramref name="dossierId"/> after a merge.</summary>
    private static async Task<List<System.Text.Json.JsonElement>> TellsOfMergeAsync(IntakeProbe probe, string prescriberId, string dossierId) =>
        [.. (await probe.EventsAsync(prescriberId)).Where(m =>
            IntakeProbe.Text(m, "dossierId") == dossierId && IntakeProbe.Text(m, "reason")?.Contains("Même personne", StringComparison.Ordinal) == true)];
}
