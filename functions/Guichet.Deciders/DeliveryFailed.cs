namespace Guichet.Deciders;

/// <summary>
/// Raised by the runtime on an instance whose <see cref="SendEvent"/> could not be applied by its target (no such
/// instance, ended, or refused), when the instance's catalog accepts it under <see cref="EventName"/>.
/// </summary>
/// <param name="TargetInstanceId">The instance the event was sent to.</param>
/// <param name="SentEventName">The event that was sent.</param>
/// <param name="Reason">Why it was not applied.</param>
public sealed record DeliveryFailed(string TargetInstanceId, string SentEventName, string Reason)
{
    /// <summary>The event name under which a catalog accepts it.</summary>
    public const string EventName = "delivery-failed";
}
