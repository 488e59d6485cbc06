namespace Guichet.Runtime.Workflows;

/// <summary>The workflow types a runtime can drive, by type name.</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, IWorkflow> _workflows = new(StringComparer.Ordinal);

    /// <summary>Creates a registry holding the given workflows.</summary>
    public WorkflowRegistry(IEnumerable<IWorkflow> workflows)
    {
        ArgumentNullException.ThrowIfNull(workflows);
        foreach (var workflow in workflows)
        {
            Add(workflow);
        }
    }

    /// <summary>Registers a workflow; its type name must be unique and its version at least 1.</summary>
    public void Add(IWorkflow workflow)
    {
        ArgumentNullException.ThrowIfNull(workflow);
        ArgumentException.ThrowIfNullOrWhiteSpace(workflow.Type, nameof(workflow));
        ArgumentOutOfRangeException.ThrowIfLessThan(workflow.Version, 1, nameof(workflow));
        if (!_workflows.TryAdd(workflow.Type, workflow))
        {
            throw new ArgumentException($"Workflow type '{workflow.Type}' is registered twice.", nameof(workflow));
        }
    }

    /// <summary>Finds a workflow by type name, or throws <see cref="UnknownWorkflowTypeException"/>.</summary>
    public IWorkflow Get(string type) =>
        _workflows.TryGetValue(type, out var workflow) ? workflow : throw new UnknownWorkflowTypeException(type);
}
