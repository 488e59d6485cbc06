using System.Text.Json.Serialization;

namespace Guichet.Host.Dossiers;

/// <summary>
/// What became of a prescriber's request, found by its externalRef (<c>GET /api/dossiers?externalRef=</c>): the
/// dossier that holds it, or, when none does, the rejection of the message with its reasons.
/// </summary>
/// <param name="ExternalRef">The prescriber's reference.</param>
/// <param name="Dossier">The dossier holding the request; absent when there is none.</param>
/// <param name="Rejection">The message's rejection; absent when a dossier holds the request.</param>
public sealed record RequestLookup(
    string ExternalRef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequestDossier? Dossier,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] RequestRejection? Rejection);
