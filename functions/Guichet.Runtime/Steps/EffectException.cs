namespace Guichet.Runtime.Steps;

/// <summary>A decider asked for an effect the runtime cannot carry out (bad name, oversized message, too many effects).</summary>
public sealed class EffectException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public EffectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public EffectException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public EffectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
