using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Tests.Deciding;
using static Guichet.Domain.Tests.Dossiers.DossierExamples;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>A dossier opens from a valid request (invariant 8: "dossier created"), as received, its readings to do.</summary>
public sealed class OpeningTests
{
    [Fact]
    public void Opening_IsReceived_DatedFromTheRequest_AndTellsThePrescriber()
    {
        var scenario = Scenario();

        var started = scenario.Start(Open());

        var dossier = started.Accepted();
        Assert.Equal(DossierStatus.Received, dossier.Status);
        Assert.Equal("received", scenario.Decider.StatusOf(dossier));
        Assert.Equal(Request().SubmittedAt, dossier.FirstRequestAt);
        Assert.Equal(Now, dossier.OpenedAt);
        var message = Assert.Single(started.Messages());
        Assert.Equal(new DossierStatusChanged(DossierId, "VT-2026-000123", Maraude.Id, "received", Now, null), message);
        Assert.False(started.Completes());
    }

    [Fact]
    public void Opening_ProjectsTheRequest_AndBothReadingsToDo()
    {
        var started = Scenario().Start(Open());

        var row = started.Row<DossierRequestRow, Dossier>(DossierReadModels.Requests, Maraude.Id, DossierReadModels.RequestRowKey("VT-2026-000123", DossierId));
        Assert.Equal(new DossierRequestRow(DossierId, "ACT", "received", Request().SubmittedAt, null), row);
        Assert.Equal(["medical", "social"], started.Rows(DossierReadModels.PendingReadings).Select(p => p.PartitionKey));
        Assert.All(started.Rows(DossierReadModels.PendingReadings), p => Assert.Equal(
            new PendingReadingRow(DossierId, "ACT", Request().SubmittedAt, Maraude.Name, "received"), p.Row));
        Assert.Empty(started.Rows(DossierReadModels.AwaitingCommission));
        Assert.Empty(started.Rows(DossierReadModels.WaitingList));
    }

    [Fact]
    public void PossibleDuplicates_AreKeptForAPersonToReview_NeverMergedSilently()
    {
        var duplicate = new PossibleDuplicate("D-OTHER", ["mêmes noms à l'orthographe près", "même année de naissance"]);

        var started = Scenario().Start(Open(null, duplicate, duplicate));

        Assert.Equal([duplicate], started.Accepted().PossibleDuplicates);
        var row = started.Row<DuplicateReviewRow, Dossier>(DossierReadModels.DuplicateReviews, "pending", $"{DossierId}~D-OTHER");
        Assert.Equal(new DuplicateReviewRow(DossierId, "D-OTHER", "ACT", "mêmes noms à l'orthographe près; même année de naissance", Now), row);
        Assert.Empty(started.Sent());
        Assert.Equal(DossierStatus.Received, started.State!.Status);
    }

    [Fact]
    public void Catalog_NamesEveryEventOfTheContract()
    {
        var names = new DossierDecider().Events.Names.Order(StringComparer.Ordinal);

        Assert.Equal(
            ["candidacy-ended", "candidacy-proposed", "commission-decided", "confirmation-deadline", "confirmation-due", "confirmation-reminder", "delivery-failed", "dossier-merged", "duplicate-reviewed", "information-deadline", "information-provided", "information-reminder",
             "medical-reading-recorded", "merge-accepted", "merged-into", "possible-duplicates-found", "put-on-agenda", "refusal-contested", "refusal-reviewed", "request-merged", "request-updated", "social-reading-recorded", "waiting-confirmed", "withdrawn"],
            names);
        Assert.Equal("dossier", new DossierDecider().Type);
    }

    [Fact]
    public void Policy_WithAReminderAfterTheDeadline_IsABug()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierDecider(new DossierPolicy(TimeSpan.FromDays(7), TimeSpan.FromDays(7))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DossierDecider(new DossierPolicy(TimeSpan.Zero, TimeSpan.Zero)));
    }

    [Fact]
    public void Effects_AreData_RowsBeforeMessages()
    {
        var effects = Scenario().Start(Open()).Effects;

        Assert.IsType<Project>(effects[0]);
        Assert.IsType<SendMessage>(effects[^1]);
    }
}
