using Guichet.Deciders;

namespace Guichet.Runtime.Workflows;

/// <summary>The workflow types a runtime can drive, by type name.</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, IWorkflow> _workflows = new(StringComparer.Ordinal);
    private string? _versions;

    /// <summary>Creates a registry holding the given deciders.</summary>
    public WorkflowRegistry(IEnumerable<IDecider> deciders)
    {
        ArgumentNullException.ThrowIfNull(deciders);
        foreach (var decider in deciders)
        {
            Add(decider);
        }
    }

    /// <summary>Registers a decider; its type name must be unique, its version at least 1, its event names valid ids.</summary>
    public void Add(IDecider decider)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentException.ThrowIfNullOrWhiteSpace(decider.Type, nameof(decider));
        ArgumentOutOfRangeException.ThrowIfLessThan(decider.Version, 1, nameof(decider));
        var workflow = Wrap(decider);
        if (!_workflows.TryAdd(workflow.Type, workflow))
        {
            throw new ArgumentException($"Workflow type '{workflow.Type}' is registered twice.", nameof(decider));
        }

        _versions = null;
    }

    /// <summary>
    /// The version of each registered type, as JSON (<c>{"type":version}</c>): stamped on every event an instance sends,
    /// since the sender's code wrote its payload to the target's record as this build knows it.
    /// </summary>
    internal string Versions => _versions ??= System.Text.Json.JsonSerializer.Serialize(
        new SortedDictionary<string, int>(_workflows.ToDictionary(w => w.Key, w => w.Value.Version), StringComparer.Ordinal));

    /// <summary>Whether a workflow of that type is registered.</summary>
    public bool Contains(string type) => _workflows.ContainsKey(type);

    internal IWorkflow Get(string type) =>
        _workflows.TryGetValue(type, out var workflow) ? workflow : throw new UnknownWorkflowTypeException(type);

    /// <summary>The decider's three type arguments make the adapter's; reflection does it once, at registration.</summary>
    private static IWorkflow Wrap(IDecider decider)
    {
        var type = decider.GetType();
        while (type is not null && !(type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Decider<,,>)))
        {
            type = type.BaseType;
        }

        if (type is null)
        {
            throw new ArgumentException($"{decider.GetType().Name} does not derive from Decider<TStart, TState, TEvent>.", nameof(decider));
        }

        var adapter = typeof(DeciderWorkflow<,,>).MakeGenericType(type.GetGenericArguments());
        return (IWorkflow)Activator.CreateInstance(adapter, decider)!;
    }
}
