using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Guichet.Host.Intake;
using Guichet.Runtime.Queues;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Host.Tests.Intake;

/// <summary>What the intake tests do to an app and look at: a message handled, the outbound queues, the intake's tables.</summary>
internal sealed class IntakeProbe(GuichetApp app, AzuriteFixture azurite)
{
    private readonly List<JsonElement> _rejected = [];
    private readonly List<JsonElement> _events = [];

    public GuichetApp App => app;

    /// <summary>Hands a raw message (plain or base64) to the trigger's handler, decoded as the listener decodes it.</summary>
    public Task HandleAsync(string raw)
    {
        var id = Guid.NewGuid().ToString();
        return app.Services.GetRequiredService<IntakeHandler>().HandleAsync(new QueueMessageContext(IntakeHandler.QueueName, id, MessageText.Decode(raw), 1, null, id), CancellationToken.None);
    }

    /// <summary>Puts raw messages on <c>dossiers-intake</c> as an upstream system does, and waits until the host has taken them all.</summary>
    public async Task SendAndWaitAsync(params string[] raws)
    {
        var queue = Queues.GetQueueClient(IntakeHandler.QueueName);
        await queue.CreateIfNotExistsAsync();
        foreach (var raw in raws)
        {
            await queue.SendMessageAsync(raw);
        }

        // The count includes messages being handled (invisible): zero means each was handled and deleted.
        await Eventually.HoldsAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0, "every intake message handled");
    }

    /// <summary>Every message on <c>dossiers-intake-rejected</c> so far of <paramref name="prescriberId"/>, or with the rejection id <paramref name="id"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> RejectedAsync(string? prescriberId, string? id = null) =>
        [.. (await DrainAsync(IntakeRejections.Queue, _rejected)).Where(m => id is null ? Text(m, "prescriberId") == prescriberId : Text(m, "id") == id)];

    /// <summary>Every message on <c>dossier-events</c> for <paramref name="prescriberId"/> so far.</summary>
    public async Task<IReadOnlyList<JsonElement>> EventsAsync(string prescriberId) =>
        [.. (await DrainAsync(Domain.Dossiers.DossierStatusChanged.Queue, _events)).Where(m => Text(m, "prescriberId") == prescriberId)];

    /// <summary>The rows of one of the intake's tables (<c>IntakeRejections</c>, <c>IdentityIndex</c>, <c>IntakeKeys</c>).</summary>
    public async Task<List<TableEntity>> RowsAsync(string table, string? filter = null)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in azurite.Azurite.Clients().Tables.GetTableClient(app.Hub + table).QueryAsync<TableEntity>(filter))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>A dossier's state and runtime status, or null when there is no such instance.</summary>
    public async Task<(Domain.Dossiers.Dossier Dossier, Runtime.Instances.RuntimeStatus Status)?> DossierAsync(string dossierId)
    {
        var status = await app.Runtime.GetStatusAsync(dossierId, withData: true);
        return status is null ? null : (DossierCandidates.StateOf(status)!, status.RuntimeStatus);
    }

    public static string? Text(JsonElement message, string property) =>
        message.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private QueueServiceClient Queues => azurite.Azurite.Clients().Queues;

    /// <summary>Takes every message off a queue into <paramref name="seen"/> (the tests of the collection run one at a time, each with its own prescribers).</summary>
    private async Task<List<JsonElement>> DrainAsync(string queueName, List<JsonElement> seen)
    {
        var queue = Queues.GetQueueClient(queueName);
        await queue.CreateIfNotExistsAsync();
        while (true)
        {
            var received = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(1))).Value;
            if (received.Length == 0)
            {
                return seen;
            }

            foreach (var message in received)
            {
                seen.Add(JsonDocument.Parse(MessageText.Decode(message.MessageText)).RootElement.Clone());
                await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
            }
        }
    }
}
