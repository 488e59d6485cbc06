using Guichet.Runtime.Queues;
using Guichet.Runtime.Schedules;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests;

/// <summary>
/// Every queue and timer trigger the running host has comes from <see cref="TriggerRegistration.AddGuichetTriggers"/>:
/// the infrastructure tests read the queues that need a scale rule from that one method.
/// </summary>
[Collection(HostGroup.Name)]
public sealed class TriggerRegistrationTests(AzuriteFixture azurite, SharedApp shared)
{
    [Fact]
    public async Task EveryQueueTrigger_OfTheRunningHost_IsListedInAddGuichetTriggers()
    {
        var app = await shared.GetAsync(azurite);

        var running = app.Services.GetServices<QueueTriggerRegistration>();

        Assert.NotEmpty(running);
        Assert.Equal(Listed<QueueTriggerRegistration>(), running);
    }

    [Fact]
    public async Task EveryTimerTrigger_OfTheRunningHost_IsListedInAddGuichetTriggers()
    {
        var app = await shared.GetAsync(azurite);

        var running = app.Services.GetServices<TimerTriggerRegistration>();

        // Today the scheduled job does all periodic work, so the list may be empty; a trigger added elsewhere still fails this.
        Assert.Equal(Listed<TimerTriggerRegistration>(), running);
    }

    private static List<T> Listed<T>() =>
        new ServiceCollection().AddGuichetTriggers().Select(d => d.ImplementationInstance).OfType<T>().ToList();
}
