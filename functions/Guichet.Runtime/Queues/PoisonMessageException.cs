namespace Guichet.Runtime.Queues;

/// <summary>Thrown by a handler for a message that can never succeed (malformed): it goes to the poison queue at once, without retries.</summary>
public sealed class PoisonMessageException : Exception
{
    /// <summary>Creates the exception with the reason recorded in the dead letter.</summary>
    public PoisonMessageException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the reason and the error that revealed it.</summary>
    public PoisonMessageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic reason.</summary>
    public PoisonMessageException()
        : base("The message is malformed.")
    {
    }
}
