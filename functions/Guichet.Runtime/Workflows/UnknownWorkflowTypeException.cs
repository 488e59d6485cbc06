namespace Guichet.Runtime.Workflows;

/// <summary>No workflow of that type is registered in this runtime.</summary>
public sealed class UnknownWorkflowTypeException : Exception
{
    /// <summary>Creates the exception for a type name.</summary>
    public UnknownWorkflowTypeException(string type)
        : base($"No workflow of type '{type}' is registered.")
    {
        WorkflowType = type;
    }

    /// <summary>Creates the exception.</summary>
    public UnknownWorkflowTypeException()
    {
        WorkflowType = string.Empty;
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public UnknownWorkflowTypeException(string message, Exception innerException)
        : base(message, innerException)
    {
        WorkflowType = string.Empty;
    }

    /// <summary>The type name that was asked for.</summary>
    public string WorkflowType { get; }
}
