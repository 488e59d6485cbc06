using Guichet.Domain.Intake;
using Guichet.Host.Demo;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Guichet.Host.Tests.Demo;

/// <summary>The <c>demo</c> command puts valid fictional requests on <c>dossiers-intake</c> of a real Azurite.</summary>
[Collection(HostGroup.Name)]
public sealed class DemoCommandTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task Demo_PutsTheAskedNumberOfValidRequestsOnTheIntakeQueue()
    {
        var storage = azurite.Azurite.Clients();
        // A queue of its own: a host of another test may be listening on dossiers-intake.
        var queueName = "demo-" + Guid.NewGuid().ToString("N")[..12];
        var queue = storage.Queues.GetQueueClient(queueName);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DemoCommand.RunAsync(["demo", "--count", "12", "--device", "LHSS"], storage, clock, output, error, queueName);

        Assert.Equal(0, exit);
        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.Equal(12, messages.Length);
        Assert.All(messages, m => Assert.True(IntakeValidation.Validate(MessageText.Decode(m.MessageText), clock.GetUtcNow()).Request is { Device: Guichet.Domain.Device.Lhss }));
        Assert.Contains("12 demandes fictives (LHSS)", output.ToString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Demo_WithABadArgument_ExplainsAndSendsNothing()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await DemoCommand.RunAsync(["demo", "--device", "EHPAD"], azurite.Azurite.Clients(), TimeProvider.System, output, error);

        Assert.Equal(2, exit);
        Assert.Contains("usage: demo", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }
}
