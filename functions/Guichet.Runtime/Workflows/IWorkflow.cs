using System.Text.Json;

namespace Guichet.Runtime.Workflows;

/// <summary>The untyped face of a workflow, as the runtime drives it; implemented by <see cref="Workflow{TState}"/>.</summary>
public interface IWorkflow
{
    /// <summary>The workflow type's stable name.</summary>
    string Type { get; }

    /// <summary>The current version of the workflow's shapes.</summary>
    int Version { get; }

    internal StepResult Start(WorkflowStart start, DateTimeOffset now);

    internal StepResult Decide(ReadOnlyMemory<byte> state, int stateVersion, WorkflowEvent @event, DateTimeOffset now);

    internal JsonElement UpcastEvent(string name, JsonElement payload, int fromVersion);
}

/// <summary>A decider's outcome in serialized form.</summary>
internal sealed record StepResult(byte[] State, IReadOnlyList<Effect> Effects, string? CustomStatus);
