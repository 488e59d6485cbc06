namespace Guichet.Runtime.Workflows;

/// <summary>A stored instance cannot be read by the workflow code now running (no upcaster, or a newer version).</summary>
public sealed class WorkflowVersionException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    public WorkflowVersionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WorkflowVersionException()
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public WorkflowVersionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
