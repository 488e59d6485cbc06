using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Queues;

public sealed partial class QueueListener
{
    /// <summary>Handles one message and settles it: delete, retry later, or dead-letter.</summary>
    private async Task ProcessAsync(MessageLease lease)
    {
        var message = lease.Message;
        if (message.DequeueCount > _options.MaxDequeueCount)
        {
            await DeadLetterAsync(lease, $"Delivered {message.DequeueCount} times without completing (maxDequeueCount {_options.MaxDequeueCount}): its handler or host stopped each time.");
            return;
        }

        var text = MessageText.Decode(message.MessageText);
        var context = new QueueMessageContext(QueueName, message.MessageId, text, message.DequeueCount, message.InsertedOn, MessageText.CorrelationId(text) ?? message.MessageId);
        Exception? failure = null;
        using var activity = RuntimeTelemetry.Start($"queue {QueueName}", null, context.CorrelationId, System.Diagnostics.ActivityKind.Consumer);
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = context.CorrelationId, ["MessageId"] = message.MessageId });
        using (var renewing = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token))
        {
            var renewal = lease.RenewWhileRunningAsync(_options.VisibilityTimeout, _time, renewing.Token);
            try
            {
                await _handler(context, _abort.Token);
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            await renewing.CancelAsync();
            await renewal;
        }

        try
        {
            await SettleAsync(lease, failure);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Queue {Queue}: message {MessageId} could not be settled; it will be delivered again", QueueName, message.MessageId);
        }
    }

    private async Task SettleAsync(MessageLease lease, Exception? failure)
    {
        var message = lease.Message;
        if (failure is null)
        {
            await lease.DeleteAsync(CancellationToken.None);
        }
        else if (failure is OperationCanceledException && _abort.IsCancellationRequested)
        {
            await lease.ReleaseAsync(TimeSpan.Zero, CancellationToken.None);
        }
        else if (failure is PoisonMessageException || message.DequeueCount >= _options.MaxDequeueCount)
        {
            await DeadLetterAsync(lease, $"{failure.GetType().FullName}: {failure.Message}");
        }
        else
        {
            _logger.LogWarning(failure, "Queue {Queue}: message {MessageId} failed on delivery {DequeueCount} of {Max}; retried in {Delay}", QueueName, message.MessageId, message.DequeueCount, _options.MaxDequeueCount, _options.VisibilityTimeout);
            await lease.ReleaseAsync(_options.VisibilityTimeout, CancellationToken.None);
        }
    }

    /// <summary>Writes the envelope to the poison queue, then deletes the original: a crash between them duplicates, never loses.</summary>
    private async Task DeadLetterAsync(MessageLease lease, string reason)
    {
        var message = lease.Message;
        var letter = new DeadLetter(QueueName, message.MessageId, message.MessageText, reason, message.DequeueCount, _time.GetUtcNow(), message.InsertedOn);
        await _deadLetters.SendAsync(letter, CancellationToken.None);
        await lease.DeleteAsync(CancellationToken.None);
        RuntimeTelemetry.DeadLettered.Add(1, new KeyValuePair<string, object?>("queue", QueueName));
        _logger.LogError("Queue {Queue}: message {MessageId} moved to {Poison} after {DequeueCount} deliveries: {Reason}", QueueName, message.MessageId, QueueNames.Poison(QueueName), message.DequeueCount, reason);
    }
}
