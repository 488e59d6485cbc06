using System.Text.Json;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Structures;
using Guichet.Host.Stays;
using Guichet.Host.Tests.Placement;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Workflows;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests.Stays;

/// <summary>
/// The <c>placement-starts</c> trigger's handler: a start delivered twice starts one instance, the first; a message that
/// does not read, or asks for two instances at once, starts none and is dead-lettered at once with the reason, never dropped.
/// </summary>
[Collection(PlacementGroup.Name)]
public sealed class PlacementStartHandlerTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task AStayStartDeliveredTwice_StartsOneStay_AsTheFirstDeliverySaidIt()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var handler = host.App.Services.GetRequiredService<PlacementStartHandler>();
        var place = FreePlace.Of(StructureCatalog.All.Single(s => s.Id == "lhss-78-le-relais"), new DateOnly(2026, 11, 20));
        var vacancyId = $"vacancy-20261120-{Guid.NewGuid():N}"[..29];
        var stayId = StayIds.Of(vacancyId);

        await handler.HandleAsync(Message(new PlacementStartRequested(stayId, new StartStay("D-H", vacancyId, "LHSS Le Relais", place, new DateOnly(2026, 11, 20)), null)), CancellationToken.None);
        await handler.HandleAsync(Message(new PlacementStartRequested(stayId, new StartStay("D-H", vacancyId, "LHSS Le Relais", place, new DateOnly(2026, 11, 21)), null)), CancellationToken.None);

        var stay = await StaysApi.LoadAsync(host.Runtime, stayId, CancellationToken.None);
        Assert.Equal((new DateOnly(2026, 11, 20), new DateOnly(2027, 1, 20)), (stay!.EntryDate, stay.PlannedEnd));
        Assert.Equal("ongoing", await host.StatusOfAsync(stayId));
    }

    [Fact(Timeout = 120_000)]
    public async Task AMessageThatDoesNotRead_OrAsksForAStayAndAVacancyAtOnce_StartsNothing_AndIsPoison()
    {
        await using var host = ClockedApp.Start(azurite, Now);
        var handler = host.App.Services.GetRequiredService<PlacementStartHandler>();
        var place = FreePlace.Of(StructureCatalog.TraitDUnion, new DateOnly(2026, 11, 20));
        var both = new PlacementStartRequested("stay-both", new StartStay("D-B", "v-b", "Le Trait d'Union", place, new DateOnly(2026, 11, 20)), new DeclareVacancy(place, "Le Trait d'Union"));

        var twoAtOnce = await Assert.ThrowsAsync<PoisonMessageException>(() => handler.HandleAsync(Message(both), CancellationToken.None));
        var unreadable = await Assert.ThrowsAsync<PoisonMessageException>(() =>
            handler.HandleAsync(new QueueMessageContext(PlacementStartRequested.Queue, "m-bad", "{ not json", 1, Now, "c-bad"), CancellationToken.None));

        Assert.Null(await host.StatusOfAsync("stay-both"));
        Assert.Contains("not one stay or one vacancy", twoAtOnce.Message, StringComparison.Ordinal);
        Assert.Contains("m-bad does not read", unreadable.Message, StringComparison.Ordinal);
    }

    private static QueueMessageContext Message(PlacementStartRequested request) =>
        new(PlacementStartRequested.Queue, Guid.NewGuid().ToString("N"), JsonSerializer.Serialize(request, WorkflowJson.Options), 1, Now, "c-1");
}
