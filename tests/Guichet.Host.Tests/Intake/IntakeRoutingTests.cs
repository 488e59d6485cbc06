using Azure.Data.Tables;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime.Instances;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariants 1 and 8, the accepted side: a request opens one dossier however often it is delivered, a later
/// message of the same request updates it, and the same person's request from another prescriber joins the active
/// dossier when the match is sure, or opens its own with the possible match listed when it is not.
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeRoutingTests(AzuriteFixture azurite, IntakeHost host)
{
    [Fact(Timeout = 60_000)]
    public async Task SameGoodMessage_PlainThenBase64_OpensOneDossier_StartedOnce()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var prescriber = NewPrescriber();
        var text = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14")).ToJsonString();

        await probe.SendAndWaitAsync(text, Base64(text));

        var dossierId = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        var history = await probe.App.Runtime.GetWholeHistoryAsync(dossierId);
        Assert.NotNull(history);
        Assert.Single(history, e => e.Kind == HistoryKind.Started);
        Assert.DoesNotContain(history, e => e.Kind == HistoryKind.EventApplied);
        var received = Assert.Single(await probe.EventsAsync(prescriber));
        Assert.Equal(dossierId, IntakeProbe.Text(received, "dossierId"));
        Assert.Equal("received", IntakeProbe.Text(received, "status"));
    }

    [Fact(Timeout = 60_000)]
    public async Task LaterMessageOfTheSameRequest_UpdatesItsDossier_InItsHistory()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var prescriber = NewPrescriber();
        var first = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14"));
        var later = first.DeepClone().AsObject();
        later["social"]!["housing"] = "emergency-shelter";

        await probe.HandleAsync(first.ToJsonString());
        await probe.HandleAsync(later.ToJsonString());
        await probe.HandleAsync(later.ToJsonString());

        var dossierId = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        var (dossier, _) = (await probe.DossierAsync(dossierId))!.Value;
        Assert.Equal(Domain.HousingSituation.EmergencyShelter, Assert.Single(dossier.Requests).Social.Housing);
        var history = (await probe.App.Runtime.GetWholeHistoryAsync(dossierId))!;
        var update = Assert.Single(history, e => e.Kind == HistoryKind.EventApplied);
        Assert.Equal(DossierEventNames.RequestUpdated, update.Name);
        Assert.Equal(IntakeRejectionTests.Hash(later.ToJsonString()), update.EventId);
    }

    [Fact(Timeout = 60_000)]
    public async Task SamePersonFromAnotherPrescriber_AccentsAndCase_IsMerged_KeepsEarliestDate_BothPrescribersTold()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        await probe.HandleAsync(Request(a, "A-1", Person(name + "é", "Éléonore", "1961-03-09", "female"), "2026-10-01T09:00:00Z").ToJsonString());
        await probe.HandleAsync(Request(b, "B-1", Person((name + "E").ToUpperInvariant(), "eleonore", "1961-03-09", "female"), "2026-09-15T09:00:00Z").ToJsonString());

        var survivorId = DossierIds.For(new IntakeKey(a, "A-1"));
        var (survivor, _) = (await probe.DossierAsync(survivorId))!.Value;
        Assert.Equal([a, b], survivor.Requests.Select(r => r.Prescriber.Id));
        Assert.Equal(DateTimeOffset.Parse("2026-09-15T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), survivor.FirstRequestAt);
        Assert.Null(await probe.DossierAsync(DossierIds.For(new IntakeKey(b, "B-1"))));
        Assert.Contains(await probe.EventsAsync(a), m => IntakeProbe.Text(m, "reason")?.Contains("Même personne", StringComparison.Ordinal) == true);
        var told = Assert.Single(await probe.EventsAsync(b));
        Assert.Equal(survivorId, IntakeProbe.Text(told, "dossierId"));
        Assert.Equal("B-1", IntakeProbe.Text(told, "externalRef"));
    }

    [Fact(Timeout = 60_000)]
    public async Task SamePersonBySameIns_SwappedNamesAndTransliteration_IsMerged()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        var ins = Ins("1" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await probe.HandleAsync(Request(a, "A-1", Person(name, "Mohamed", "1983-11-05", ins: ins)).ToJsonString());
        await probe.HandleAsync(Request(b, "B-1", Person("Mohammed", name, "1983-11-05", ins: ins)).ToJsonString());

        var (survivor, _) = (await probe.DossierAsync(DossierIds.For(new IntakeKey(a, "A-1"))))!.Value;
        Assert.Equal(2, survivor.Requests.Count);
        Assert.Null(await probe.DossierAsync(DossierIds.For(new IntakeKey(b, "B-1"))));
    }

    [Theory(Timeout = 60_000)]
    [InlineData("Mohamed", "Mohammed", "1983-11-05", "1983-11-05", "variantes d'orthographe")]
    [InlineData("Mohamed", "Mohamed", "1983-11-05", "1983-05-11", "jour et mois de naissance inversés")]
    public async Task PossibleMatch_OpensItsOwnDossier_ListingThePossibleDuplicate_NotMerged(string firstA, string firstB, string bornA, string bornB, string reason)
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var (a, b) = (NewPrescriber(), NewPrescriber());
        var name = UniqueName();
        await probe.HandleAsync(Request(a, "A-1", Person(name, firstA, bornA)).ToJsonString());
        await probe.HandleAsync(Request(b, "B-1", Person(name, firstB, bornB)).ToJsonString());

        var (first, _) = (await probe.DossierAsync(DossierIds.For(new IntakeKey(a, "A-1"))))!.Value;
        var (second, _) = (await probe.DossierAsync(DossierIds.For(new IntakeKey(b, "B-1"))))!.Value;
        Assert.Null(first.End);
        Assert.Null(second.End);
        var possible = Assert.Single(second.PossibleDuplicates);
        Assert.Equal(first.Id, possible.DossierId);
        Assert.Contains(possible.Reasons, r => r.Contains(reason, StringComparison.Ordinal));
    }

    [Fact(Timeout = 60_000)]
    public async Task IdentityIndex_HoldsKeyedHashesAndDossierIds_NoClearIdentity()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var name = UniqueName();
        var ins = Ins("2" + Random.Shared.NextInt64(100_000_000_000, 999_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        var prescriber = NewPrescriber();
        await probe.HandleAsync(Request(prescriber, "REF-1", Person(name, "Amina", "1990-07-21", "female", ins)).ToJsonString());

        var dossierId = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        var rows = await probe.RowsAsync("IdentityIndex", Azure.Data.Tables.TableClient.CreateQueryFilter($"RowKey eq {dossierId}"));
        Assert.True(rows.Count >= 3, $"an INS key and a key per name: {rows.Count} rows");
        Assert.All(rows, row =>
        {
            Assert.Matches("^[0-9a-f]{64}$", row.PartitionKey);
            Assert.Empty(row.Keys.Except(["PartitionKey", "RowKey", "Timestamp", "odata.etag"]));
        });
        // Every row of the whole index is a hash and a dossier id, so no name, INS or date can be in it. (A substring
        // check would be flaky: "1990" turns up in random hex.)
        Assert.All(await probe.RowsAsync("IdentityIndex"), row =>
        {
            Assert.Matches("^[0-9a-f]{64}$", row.PartitionKey);
            Assert.Matches("^D-[A-Z0-9]{20}$", row.RowKey);
        });
    }

    [Fact(Timeout = 60_000)]
    public async Task ADossierThatEnded_LeavesTheIdentityIndex_WhenARequestOfTheSamePersonReadsIt()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var prescriber = NewPrescriber();
        var person = Person(UniqueName(), "Karim", "1975-06-14");
        await probe.HandleAsync(Request(prescriber, "REF-1", person).ToJsonString());
        var ended = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        var indexed = (await probe.RowsAsync("IdentityIndex", TableClient.CreateQueryFilter($"RowKey eq {ended}"))).Count;
        await probe.App.Runtime.RaiseEventAsync(ended, DossierEventNames.Withdrawn, JsonSerializer.SerializeToElement(new { reason = "Personne relogée." }), "withdraw-1");

        await probe.HandleAsync(Request(prescriber, "REF-2", person.DeepClone().AsObject()).ToJsonString());

        var next = DossierIds.For(new IntakeKey(prescriber, "REF-2"));
        Assert.True(indexed > 0);
        Assert.Empty(await probe.RowsAsync("IdentityIndex", TableClient.CreateQueryFilter($"RowKey eq {ended}")));
        Assert.Equal(indexed, (await probe.RowsAsync("IdentityIndex", TableClient.CreateQueryFilter($"RowKey eq {next}"))).Count);
        Assert.NotNull(await probe.DossierAsync(next));
    }

    [Fact(Timeout = 60_000)]
    public async Task UpdateOfAWithdrawnRequest_IsRejected_SayingItsDossierIsClosed()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var prescriber = NewPrescriber();
        var first = Request(prescriber, "REF-1", Person(UniqueName(), "Karim", "1975-06-14"));
        await probe.HandleAsync(first.ToJsonString());
        var dossierId = DossierIds.For(new IntakeKey(prescriber, "REF-1"));
        await probe.App.Runtime.RaiseEventAsync(dossierId, DossierEventNames.Withdrawn, JsonSerializer.SerializeToElement(new { reason = "Personne hébergée par sa famille." }), "withdraw-1");
        var later = first.DeepClone().AsObject();
        later["social"]!["housing"] = "emergency-shelter";

        await probe.HandleAsync(later.ToJsonString());

        var rejection = Assert.Single(await probe.RejectedAsync(prescriber));
        var reason = Assert.Single(rejection.GetProperty("reasons").EnumerateArray());
        Assert.Equal("$.externalRef", reason.GetProperty("path").GetString());
        Assert.Contains("est clos (withdrawn)", reason.GetProperty("message").GetString(), StringComparison.Ordinal);
    }
}
