namespace Guichet.Runtime.Queues;

/// <summary>A queue trigger's handler as a class resolved from the services (see <see cref="QueueHandler"/> for the contract).</summary>
public interface IQueueMessageHandler
{
    /// <summary>Handles one message; returns to have it deleted, throws to have it retried or dead-lettered.</summary>
    Task HandleAsync(QueueMessageContext message, CancellationToken cancellationToken);
}
