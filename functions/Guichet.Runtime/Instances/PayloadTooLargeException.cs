namespace Guichet.Runtime.Instances;

/// <summary>An input or event payload is larger than the runtime accepts; nothing was changed.</summary>
public sealed class PayloadTooLargeException : ArgumentException
{
    /// <summary>Creates the exception for a parameter, its size and the limit.</summary>
    public PayloadTooLargeException(string paramName, int size, int limit)
        : base($"The {paramName} is {size} bytes; the runtime accepts at most {limit} bytes.", paramName)
    {
        Size = size;
        Limit = limit;
    }

    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PayloadTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The payload's size in bytes.</summary>
    public int Size { get; }

    /// <summary>The largest size accepted.</summary>
    public int Limit { get; }
}
