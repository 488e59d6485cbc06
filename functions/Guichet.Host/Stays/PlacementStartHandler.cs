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
/// an exit declares), under the id the step derived, so that a message delivered twice starts one instance. A start the
/// decider refuses is logged and dropped: the message would be refused again.
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
            logger.LogWarning(ex, "Placement start {MessageId} does not read; dropped", message.MessageId);
            return;
        }

        var (type, input) = request switch
        {
            { Stay: { } stay, Vacancy: null } => (StayDecider.TypeName, JsonSerializer.SerializeToElement(stay, WorkflowJson.Options)),
            { Vacancy: { } vacancy, Stay: null } => (VacancyDecider.TypeName, JsonSerializer.SerializeToElement(vacancy, WorkflowJson.Options)),
            _ => (null, default),
        };
        if (type is null || !InstanceIds.IsValid(request!.InstanceId))
        {
            logger.LogWarning("Placement start {MessageId} names no valid instance, or not one stay or one vacancy; dropped", message.MessageId);
            return;
        }

        var started = await runtime.StartAsync(type, request.InstanceId, input, new RequestContext("placement", message.CorrelationId), cancellationToken: cancellationToken);
        if (started.Result is StartResult.Started or StartResult.AlreadyExists)
        {
            logger.LogInformation("Placement start of {WorkflowType} {InstanceId}: {Result}", type, request.InstanceId, started.Result);
            return;
        }

        logger.LogError("Placement start of {WorkflowType} {InstanceId} not done: {Result} {Reason}", type, request.InstanceId, started.Result, started.Reason);
    }
}
