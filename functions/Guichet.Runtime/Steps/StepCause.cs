using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Steps;

/// <summary>What a step records as its cause: the kind of entry, the event or operation name, who, and the request it belongs to.</summary>
internal sealed record StepCause(HistoryKind Kind, string Name, WorkflowEvent? Event, string? Actor, string? CorrelationId)
{
    public static StepCause Of(HistoryKind kind, WorkflowEvent @event, string? correlationId) =>
        new(kind, @event.Name, @event, @event.Actor, correlationId);
}
