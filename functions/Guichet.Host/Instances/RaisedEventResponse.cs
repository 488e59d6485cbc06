using Guichet.Runtime.Instances;

namespace Guichet.Host.Instances;

/// <summary>What became of an event raised through the API.</summary>
/// <param name="EventId">Its de-duplication id: the <c>Idempotency-Key</c> given scoped by its caller (see <see cref="CallerEventIds"/>), or the one generated.</param>
/// <param name="Result">Applied, Buffered (the instance is pending or suspended: the response's <c>Location</c> says later whether it was applied or refused), Duplicate, or Failed (the workflow threw and the instance failed).</param>
/// <param name="Instance">The instance's status afterwards.</param>
public sealed record RaisedEventResponse(string EventId, RaiseResult Result, InstanceStatusResponse Instance);
