using System.Text.Json;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Queues;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Stays;

/// <summary>
/// The <c>placement-starts</c> queue trigger: starts the instance a step asked for (a filled vacancy's stay, the vacancy
/// an exit declares), under the id the step derived, so that a message delivered twice starts one instance. A message
/// that does not read, or whose start is refused, would be refused again: it is dead-lettered at once with the reason,
/// listed and replayable, never dropped.
/// </summary>
internal sealed class PlacementStartHandler(WorkflowRuntime runtime, ILogger<PlacementStartHandler> logger) : IQueueMessageHandler
{
    /// <summary>The queue steps ask on.</summary>
    public const string QueueName = PlacementStartRequested.Queue;

    /// <inheritdoc />
    public async Task HandleAsync(QueueMessageContext message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        PlacementStartRequested? request;
        try
        {
            request = JsonSerializer.Deserialize<PlacementStartRequested>(message.Text, WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            throw new PoisonMessageException($"Placement start {message.MessageId} does not read: {ex.Message}", ex);
        }

        var (type, input) = request switch
        {
            { Stay: { } stay, Vacancy: null } => (StayDecider.TypeName, JsonSerializer.SerializeToElement(stay, WorkflowJson.Options)),
            { Vacancy: { } vacancy, Stay: null } => (VacancyDecider.TypeName, JsonSerializer.SerializeToElement(vacancy, WorkflowJson.Options)),
            _ => (null, default),
        };
        if (type is null || !InstanceIds.IsValid(request!.InstanceId))
        {
            throw new PoisonMessageException($"Placement start {message.MessageId} names no valid instance, or not one stay or one vacancy.");
        }

        var started = await runtime.StartAsync(type, request.InstanceId, input, new RequestContext("placement", message.CorrelationId), cancellationToken: cancellationToken);
        if (started.Result is StartResult.Started or StartResult.AlreadyExists)
        {
            logger.LogInformation("Placement start of {WorkflowType} {InstanceId}: {Result}", type, request.InstanceId, started.Result);
            return;
        }

        throw new PoisonMessageException($"Placement start of {type} {request.InstanceId} not done: {started.Result} {started.Reason}");
    }
}
