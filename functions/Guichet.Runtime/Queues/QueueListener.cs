using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime.Queues;

/// <summary>
/// A queue trigger: receives batches, hands each message to the handler with bounded concurrency (the next batch
/// when no more than <see cref="QueueTriggerOptions.NewBatchThreshold"/> are in flight), and backs off while the
/// queue is idle. On stop it receives no more, lets in-flight handlers finish within the host's shutdown
/// timeout, then cancels them and makes their messages visible again at once.
/// </summary>
public sealed partial class QueueListener : BackgroundService
{
    private readonly QueueClient _queue;
    private readonly QueueHandler _handler;
    private readonly QueueTriggerOptions _options;
    private readonly DeadLetters _deadLetters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly PollingBackoff _backoff;
    private readonly InFlightMessages _inFlight = new();
    private readonly CancellationTokenSource _abort = new();

    /// <summary>Creates the listener of one queue; it starts receiving when the host starts it.</summary>
    public QueueListener(string queueName, QueueHandler handler, QueueServiceClient queues, QueueTriggerOptions options, DeadLetters deadLetters, TimeProvider time, ILogger<QueueListener> logger)
    {
        if (!QueueNames.IsValid(queueName) || !QueueNames.IsValid(QueueNames.Poison(queueName)))
        {
            throw new ArgumentException($"'{queueName}' is not a valid queue name of at most 56 characters (its poison queue needs 7 more).", nameof(queueName));
        }

        ArgumentNullException.ThrowIfNull(queues);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _queue = queues.GetQueueClient(queueName);
        _handler = handler ?? throw new ArgumentNullException(nameof(handler));
        _options = options;
        _deadLetters = deadLetters ?? throw new ArgumentNullException(nameof(deadLetters));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _backoff = new PollingBackoff(options.MinPollingInterval, options.MaxPollingInterval);
    }

    /// <summary>The queue listened to.</summary>
    public string QueueName => _queue.Name;

    /// <summary>Stops receiving, waits for in-flight handlers until <paramref name="cancellationToken"/> (the shutdown timeout), then releases the rest.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            await _inFlight.WhenAllAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _abort.CancelAsync();
            var released = await Task.WhenAll(_inFlight.Leases.Select(l => l.ReleaseAsync(TimeSpan.Zero, CancellationToken.None)));
            _logger.LogWarning("Queue {Queue}: {Count} unfinished messages released at shutdown", QueueName, released.Count(r => r));
        }
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                await ReceiveLoopAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                var delay = _backoff.Next();
                _logger.LogError(ex, "Queue {Queue}: receiving failed; trying again in {Delay}", QueueName, delay);
                await Task.Delay(delay, _time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _inFlight.WhenAtMostAsync(_options.NewBatchThreshold, stoppingToken);
            var messages = (await _queue.ReceiveMessagesAsync(_options.BatchSize, _options.VisibilityTimeout, stoppingToken)).Value;
            if (messages.Length == 0)
            {
                await Task.Delay(_backoff.Next(), _time, stoppingToken);
                continue;
            }

            _backoff.Reset();
            foreach (var message in messages)
            {
                _inFlight.Start(new MessageLease(_queue, message), ProcessAsync);
            }
        }
    }
}
