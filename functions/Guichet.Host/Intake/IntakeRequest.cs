using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Runtime;

namespace Guichet.Host.Intake;

/// <summary>A valid request being routed, with what every step of its routing needs.</summary>
/// <param name="Request">The request.</param>
/// <param name="Hash">The SHA-256 of its message's text: the event id of what it raises, and how a redelivery is known.</param>
/// <param name="Context">Who sends it and its correlation id, recorded in the dossiers' histories.</param>
/// <param name="Text">The message's text: what the intake sends itself again when a merge it left buffered is refused.</param>
internal sealed record IntakeRequest(DossierRequest Request, string Hash, RequestContext Context, string? Text = null)
{
    /// <summary>The dossier this request opens when it opens one.</summary>
    public string OwnDossierId { get; } = DossierIds.For(Request.Key);

    public IntakeKey Key => Request.Key;

    /// <summary>
    /// The context of a merge: should the dossier buffer it (suspended, busy) and refuse it later, this message comes back
    /// on the intake queue, which routes it again without that dossier (<see cref="IntakeRouter"/>). A text too long to
    /// send again has none: its merge must be applied or refused at once.
    /// </summary>
    public RequestContext MergeContext => Text is not null && System.Text.Encoding.UTF8.GetByteCount(Text) <= RefusalReply.MaxBodyBytes
        ? Context with { OnRefusal = new RefusalReply(IntakeHandler.QueueName, Text) }
        : Context;
}
