namespace Guichet.Runtime.Workflows;

/// <summary>An event name the workflow does not know, or a payload that does not bind to its record: refused before the decider runs.</summary>
public sealed class EventBindingException : Exception
{
    /// <summary>Creates the exception with its message, which names the event and the field.</summary>
    public EventBindingException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EventBindingException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public EventBindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
