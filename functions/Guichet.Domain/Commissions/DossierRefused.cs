using Guichet.Deciders;

namespace Guichet.Domain.Commissions;

/// <summary>
/// "delivery-failed": a dossier did not apply an event this session sent it (it had ended, or moved to a later
/// agenda); the runtime's <see cref="DeliveryFailed"/>, as the session's event.
/// </summary>
/// <param name="TargetInstanceId">The dossier.</param>
/// <param name="SentEventName">The event sent.</param>
/// <param name="Reason">Why it was not applied.</param>
public sealed record DossierRefused(string TargetInstanceId, string SentEventName, string Reason) : CommissionEvent;
