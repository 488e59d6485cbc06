using Guichet.Domain;

namespace Guichet.Host.Dossiers;

/// <summary>The last rejection of a prescriber's intake message with a given externalRef, as the prescriber reads it.</summary>
/// <param name="PrescriberId">The prescriber that sent it.</param>
/// <param name="ExternalRef">Its reference.</param>
/// <param name="ReceivedAt">When intake received it.</param>
/// <param name="Reasons">Every violation found: where (a JSON path) and what, in French.</param>
public sealed record RequestRejection(string PrescriberId, string ExternalRef, DateTimeOffset ReceivedAt, IReadOnlyList<Violation> Reasons);
