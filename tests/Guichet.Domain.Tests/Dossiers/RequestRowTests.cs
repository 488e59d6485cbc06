using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>
/// A request has one row per dossier that held it (each dossier writes its own); what a prescriber finds by its
/// externalRef is the row of the dossier that holds it now.
/// </summary>
public sealed class RequestRowTests
{
    private static readonly DateTimeOffset Submitted = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TheSurvivorsRow_IsCurrent_OverTheRowOfTheDossierMergedIntoIt()
    {
        var current = DossierReadModels.CurrentRequest("HOP-4471", [Row("D-SENDER", "merged", "D-SURVIVOR"), Row("D-SURVIVOR", "under-review")]);

        Assert.Equal("D-SURVIVOR", current!.DossierId);
    }

    [Fact]
    public void BeforeTheSurvivorWritesItsRow_TheLastDossierItWasMergedAwayFrom_IsCurrent()
    {
        var current = DossierReadModels.CurrentRequest("HOP-4471", [Row("D-FIRST", "merged", "D-SECOND"), Row("D-SECOND", "merged", "D-THIRD")]);

        Assert.Equal(("D-SECOND", "merged"), (current!.DossierId, current.Status));
    }

    [Fact]
    public void ARowOfALongerReference_InTheSameKeyRange_IsNotTheRequests()
    {
        var (from, to) = DossierReadModels.RequestRowRange("HOP");
        var longer = (DossierReadModels.RequestRowKey("HOP|4471", "D-OTHER"), new DossierRequestRow("D-OTHER", "ACT", "received", Submitted, null));

        Assert.True(string.CompareOrdinal(longer.Item1, to) < 0 && string.CompareOrdinal(longer.Item1, from) >= 0);
        Assert.Null(DossierReadModels.CurrentRequest("HOP", [longer]));
        Assert.Equal("D-MINE", DossierReadModels.CurrentRequest("HOP", [longer, Row("D-MINE", "received", reference: "HOP")])!.DossierId);
    }

    private static (string, DossierRequestRow) Row(string dossierId, string status, string? mergedInto = null, string reference = "HOP-4471") =>
        (DossierReadModels.RequestRowKey(reference, dossierId), new DossierRequestRow(dossierId, "ACT", status, Submitted, null, mergedInto));
}
