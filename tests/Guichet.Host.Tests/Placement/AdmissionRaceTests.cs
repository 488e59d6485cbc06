using System.Net;
using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Placement;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using Xunit.Abstractions;
using static Guichet.Host.Tests.Placement.PlacementHost;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// A person admitted elsewhere while proposed here, raced: overdue at a first place (a late answer may still admit
/// them) and proposed at a second, the person is admitted by both structures at the same moment, each on its own host.
/// One admission stands; the other place does not stay filled with nobody: it opens again and is topped up.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class AdmissionRaceTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    // An hour to answer, so that the first candidacy is overdue after a few steps of the clock.
    private static readonly Dictionary<string, string?> ShortClock = new()
    {
        ["Placement:AnswerDeadline"] = "01:00:00",
        ["Placement:ReminderAfter"] = "00:30:00",
    };

    [Fact(Timeout = 180_000)]
    public async Task TwoStructuresAdmitTheSamePersonAtOnceOnTwoHosts_OneAdmissionStands_TheOtherPlaceOpensAgainAndIsToppedUp()
    {
        await using var pair = PlacementPair.Start(azurite, Now, ShortClock);
        await pair.WaitingAsync("RACE-X", severity: 5);
        var first = await pair.First.DeclareAsync(TraitDUnion);
        await pair.AdvanceUntilAsync(TimeSpan.FromMinutes(5), async () => (await pair.VacancyAsync(first)).CandidacyOf("RACE-X")?.Status == CandidacyStatus.Overdue, "overdue at the first place", TimeSpan.FromSeconds(60));
        await pair.First.UntilStatusAsync("RACE-X", "waiting-list");
        var second = await pair.Second.DeclareAsync(Passerelles);
        await pair.AdvanceUntilAsync(TimeSpan.FromSeconds(1), async () => await pair.First.StatusOfAsync("RACE-X") == "proposed", "proposed at the second place", TimeSpan.FromSeconds(60));

        var admit = new { decision = "admit", entryDate = "2026-12-10" };
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var atFirst = Task.Run(async () => { await go.Task; return await pair.First.DecideAsync(TraitDUnion, $"{first}~RACE-X", admit); });
        var atSecond = Task.Run(async () => { await go.Task; return await pair.Second.DecideAsync(Passerelles, $"{second}~RACE-X", admit); });
        go.SetResult();
        using var firstAnswer = await atFirst;
        using var secondAnswer = await atSecond;
        var codes = new[] { firstAnswer.StatusCode, secondAnswer.StatusCode };
        Assert.All(codes, code => Assert.True(code is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{code}"));
        Assert.Contains(HttpStatusCode.OK, codes);

        // One admission stands: the dossier's, confirmed by its place, which completes filled.
        await pair.First.UntilStatusAsync("RACE-X", "admitted");
        var standing = (await pair.DossierAsync("RACE-X")).Admission!.VacancyId;
        var other = standing == first ? second : first;
        await Eventually.HoldsAsync(async () => (await pair.VacancyAsync(standing)).End is { Confirmed: true }, "the standing admission confirmed");
        Assert.Equal("RACE-X", (await pair.VacancyAsync(standing)).End!.FilledBy);

        // The other place is not filled: its candidacy ended without an admission and its three slots are open again.
        await Eventually.HoldsAsync(async () => (await pair.VacancyAsync(other)) is { End: null, OpenSlots: 3 }, "the other place open again");
        var ended = (await pair.VacancyAsync(other)).CandidacyOf("RACE-X")!;
        Assert.Contains(ended.Status, new[] { CandidacyStatus.AdmittedElsewhere, CandidacyStatus.Withdrawn });
        output.WriteLine($"answers {codes[0]} (first place) and {codes[1]} (second); standing: {(standing == first ? "first" : "second")}; the other's candidacy: {WireName(ended.Status)}");
        if (ended.Status == CandidacyStatus.Withdrawn)
        {
            // It had admitted too, and the dossier sent the admission back: the admission is undone and its structure told.
            Assert.Single(await AlertsAsync(ended.Id), a => a.GetProperty("kind").GetString() == PlacementAlert.AdmissionUndone);
        }

        // A dossier declared admissible now is proposed there by the top-up, and nowhere else.
        await pair.WaitingAsync("RACE-Y", severity: 3);
        await pair.AdvanceUntilAsync(TimeSpan.FromMinutes(1), async () => (await pair.VacancyAsync(other)).CandidacyOf("RACE-Y")?.IsPending == true, "the other place topped up", TimeSpan.FromSeconds(60));
        Assert.Null((await pair.VacancyAsync(standing)).CandidacyOf("RACE-Y"));
        await pair.First.UntilStatusAsync("RACE-Y", "proposed");
        Assert.Equal(DossierStatus.Admitted, (await pair.DossierAsync("RACE-X")).Status);
    }

    private static string WireName(CandidacyStatus status) => Domain.WireName.Of(status);

    /// <summary>The placement alerts about <paramref name="candidacyId"/>, the queue read until empty.</summary>
    private async Task<List<JsonElement>> AlertsAsync(string candidacyId)
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(PlacementAlert.Queue);
        var mine = new List<JsonElement>();
        await Eventually.HoldsAsync(
            async () =>
            {
                var batch = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value;
                mine.AddRange(batch.Select(m => JsonDocument.Parse(MessageText.Decode(m.MessageText)).RootElement.Clone()).Where(e => e.GetProperty("candidacyId").GetString() == candidacyId));
                return batch.Length == 0 && mine.Count > 0;
            },
            $"the alerts about {candidacyId}");
        return mine;
    }
}
