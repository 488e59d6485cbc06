using Guichet.Domain;

namespace Guichet.Host.Dossiers;

/// <summary>An intake message refused with its reasons, as its prescriber reads it.</summary>
/// <param name="PrescriberId">The prescriber that sent it.</param>
/// <param name="ExternalRef">Its reference.</param>
/// <param name="ReceivedAt">When intake received it.</param>
/// <param name="Reasons">Every violation found: where (a JSON path) and what, in French.</param>
public sealed record IntakeRejection(string PrescriberId, string ExternalRef, DateTimeOffset ReceivedAt, IReadOnlyList<Violation> Reasons);
