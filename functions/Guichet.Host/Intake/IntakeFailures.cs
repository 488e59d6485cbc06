using Guichet.Domain;
using Guichet.Host.Observability;
using Guichet.Runtime.Queues;

namespace Guichet.Host.Intake;

/// <summary>
/// The intake messages the queue gives up on (invariant 8: nothing dropped silently). A message whose handling throws
/// on its last delivery, or at once with <see cref="PoisonMessageException"/>, goes to <c>dossiers-intake-poison</c>,
/// where an administrator can replay it; before it goes, it is also rejected like an invalid message, with the reason,
/// so that its prescriber sees it through <c>GET /dossiers?externalRef=</c>. Recorded once per message text, however
/// often it is delivered (the rejection's id is the text's hash).
/// </summary>
internal sealed class IntakeFailures(IntakeRejections rejections, QueueTriggerOptions queues, TimeProvider time, ILogger<IntakeFailures> logger)
{
    /// <summary>True when the listener dead-letters the message after <paramref name="failure"/> (not at shutdown, where it is released).</summary>
    public bool IsGivenUp(QueueMessageContext message, Exception failure, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested && (failure is PoisonMessageException || message.DequeueCount >= queues.MaxDequeueCount);

    /// <summary>
    /// Records the rejection of a message given up on. When storage refuses this too, the message is still
    /// dead-lettered by the listener: logged, listed and replayable, never lost.
    /// </summary>
    public async Task RecordAsync(QueueMessageContext message, string text, string hash, Exception failure, CancellationToken cancellationToken)
    {
        var reason = new Violation("$", failure is PoisonMessageException ? FailedDossier : Incident(message.DequeueCount));
        var rejection = IntakeRejection.Of(hash, text, [reason], time.GetUtcNow());
        try
        {
            var first = await rejections.RecordAsync(rejection, cancellationToken);
            GuichetTelemetry.CountIntake("rejected", null);
            logger.LogError(
                "Intake given up after delivery {DequeueCount}: prescriber {PrescriberId}, externalRef {ExternalRef}, message {MessageId} (text {Hash}, recorded now {First}) rejected and dead-lettered: {Failure}",
                message.DequeueCount, rejection.PrescriberId, rejection.ExternalRef, message.MessageId, hash, first, failure.GetType().Name);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Intake given up: message {MessageId} (text {Hash}) could not be recorded as rejected; it is dead-lettered only", message.MessageId, hash);
        }
    }

    private const string FailedDossier =
        "La demande n'a pas pu être enregistrée : le dossier qu'elle concerne est en erreur et doit d'abord être réparé par l'administrateur (ARS). " +
        "Le message est conservé et pourra être rejoué ensuite.";

    private static string Incident(long deliveries) =>
        $"La demande n'a pas pu être traitée après {deliveries} tentatives, à cause d'un incident technique du guichet. " +
        "Le message est conservé et pourra être rejoué par l'administrateur (ARS) une fois l'incident résolu.";
}
