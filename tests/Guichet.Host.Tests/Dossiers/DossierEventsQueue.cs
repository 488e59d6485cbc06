using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Runtime.Queues;
using Guichet.Testing;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>
/// The outbound <c>dossier-events</c> queue of the host group's Azurite, as an upstream system reads it. No other host
/// test reads it, and each test has prescribers of its own: the messages taken off are kept for every test to filter.
/// </summary>
internal static class DossierEventsQueue
{
    private static readonly List<JsonElement> Seen = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Every message for <paramref name="prescriberId"/> so far.</summary>
    public static async Task<IReadOnlyList<JsonElement>> ForAsync(AzuriteFixture azurite, string prescriberId)
    {
        await Gate.WaitAsync();
        try
        {
            var queue = azurite.Azurite.Clients().Queues.GetQueueClient(DossierStatusChanged.Queue);
            await queue.CreateIfNotExistsAsync();
            while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value is { Length: > 0 } received)
            {
                foreach (var message in received)
                {
                    Seen.Add(JsonDocument.Parse(MessageText.Decode(message.MessageText)).RootElement.Clone());
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
            }

            return [.. Seen.Where(m => m.GetProperty("prescriberId").GetString() == prescriberId)];
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Waits until <paramref name="prescriberId"/> is told <paramref name="status"/> for <paramref name="externalRef"/>, and returns that message.</summary>
    public static async Task<JsonElement> ToldAsync(AzuriteFixture azurite, string prescriberId, string externalRef, string status)
    {
        JsonElement? found = null;
        await DossierScenarios.EventuallyAsync(
            async () => (found = (await ForAsync(azurite, prescriberId)).LastOrDefault(m => m.GetProperty("externalRef").GetString() == externalRef && m.GetProperty("status").GetString() == status)) is { ValueKind: JsonValueKind.Object },
            $"{prescriberId} is told {status} for {externalRef}");
        return found!.Value;
    }
}
