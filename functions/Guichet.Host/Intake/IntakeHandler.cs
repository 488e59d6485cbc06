using System.Security.Cryptography;
using System.Text;
using Guichet.Domain;
using Guichet.Domain.Intake;
using Guichet.Host.Configuration;
using Guichet.Host.Observability;
using Guichet.Runtime;
using Guichet.Runtime.Queues;

namespace Guichet.Host.Intake;

/// <summary>
/// The <c>dossiers-intake</c> queue trigger (DESIGN §6): every message, plain JSON or base64, ends in exactly one of
/// created, merged, updated or rejected (invariant 8), logged once and counted. A message that is not a valid
/// <c>guichet.dossier.v1</c> request, or is for a device not open yet, is rejected with every reason
/// (<see cref="IntakeRejections"/>); a valid one is routed to its dossier (<see cref="IntakeRouter"/>). The same
/// message delivered twice, either way, is recognised by the SHA-256 of its text and changes nothing more. One the
/// queue gives up on (its handling keeps failing) is rejected too (<see cref="IntakeFailures"/>).
/// </summary>
internal sealed class IntakeHandler(IntakeRouter router, IntakeRejections rejections, IntakeFailures failures, DeviceOpenings opening, TimeProvider time, ILogger<IntakeHandler> logger) : IQueueMessageHandler
{
    /// <summary>The queue upstream systems drop requests on.</summary>
    public const string QueueName = "dossiers-intake";

    /// <inheritdoc />
    public async Task HandleAsync(QueueMessageContext message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var text = IntakeValidation.Decode(message.Text);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        try
        {
            await HandleAsync(message, text, hash, cancellationToken);
        }
        catch (Exception ex) when (failures.IsGivenUp(message, ex, cancellationToken))
        {
            await failures.RecordAsync(message, text, hash, ex, cancellationToken);
            throw;
        }
    }

    private async Task HandleAsync(QueueMessageContext message, string text, string hash, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var validated = IntakeValidation.Validate(text, now);
        var request = validated.Request;
        var outcome = request is null ? IntakeOutcome.Rejected(validated.Violations)
            : opening.Refusal(request.Device, now) is { } closed ? IntakeOutcome.Rejected("$.device", closed)
            : await router.RouteAsync(new IntakeRequest(request, hash, new RequestContext("intake:" + request.Prescriber.Id, message.CorrelationId), text), cancellationToken);

        // One line per message, never with the person's identity (a reason may quote a birth date: only its path is logged).
        if (outcome.Kind == IntakeOutcomeKind.Rejected)
        {
            var rejection = IntakeRejection.Of(hash, text, outcome.Reasons, now);
            var first = await rejections.RecordAsync(rejection, cancellationToken);
            logger.LogWarning(
                "Intake {Outcome}: prescriber {PrescriberId}, externalRef {ExternalRef}, message {MessageId} (text {Hash}, delivery {DequeueCount}, recorded now {First}); reasons at {Paths}",
                outcome.Name, rejection.PrescriberId, rejection.ExternalRef, message.MessageId, hash, message.DequeueCount, first, string.Join(", ", outcome.Reasons.Select(r => r.Path).Distinct()));
        }
        else
        {
            logger.LogInformation(
                "Intake {Outcome}: dossier {DossierId}, prescriber {PrescriberId}, externalRef {ExternalRef}, message {MessageId} (text {Hash}, delivery {DequeueCount})",
                outcome.Name, outcome.DossierId, request!.Prescriber.Id, request.ExternalRef, message.MessageId, hash, message.DequeueCount);
        }

        GuichetTelemetry.CountIntake(outcome.Name, request is null ? null : WireName.Of(request.Device));
    }
}
