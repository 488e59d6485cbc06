using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime;

namespace Guichet.Host.Intake;

/// <summary>A valid request being routed, with what every step of its routing needs.</summary>
/// <param name="Request">The request.</param>
/// <param name="Hash">The SHA-256 of its message's text: the event id of what it raises, and how a redelivery is known.</param>
/// <param name="Context">Who sends it and its correlation id, recorded in the dossiers' histories.</param>
internal sealed record IntakeRequest(DossierRequest Request, string Hash, RequestContext Context)
{
    /// <summary>The dossier this request opens when it opens one.</summary>
    public string OwnDossierId { get; } = DossierIds.For(Request.Key);

    public IntakeKey Key => Request.Key;
}
