using Guichet.Runtime.Instances;

namespace Guichet.Host.Dossiers;

/// <summary>What became of a command sent to a dossier.</summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="EventId">The event's de-duplication id: the <c>Idempotency-Key</c> given scoped by its caller (see <see cref="Instances.CallerEventIds"/>), or the one generated.</param>
/// <param name="Result">Applied; Duplicate (the same key was applied before, nothing changed); Buffered (the dossier is suspended by the ARS: applied or refused on resumption, as its <c>Location</c>, the event's outcome, then says).</param>
/// <param name="Status">The dossier's status afterwards, as on the wire ("under-review").</param>
public sealed record DossierCommandResponse(string DossierId, string EventId, RaiseResult Result, string? Status);
