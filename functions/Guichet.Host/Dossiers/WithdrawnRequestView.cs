using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;

namespace Guichet.Host.Dossiers;

/// <summary>A request its prescriber withdrew while the dossier went on for others': who, when, why (never its medical part).</summary>
/// <param name="ExternalRef">The prescriber's reference.</param>
/// <param name="Prescriber">Who sent it and withdrew it.</param>
/// <param name="SubmittedAt">When it was submitted.</param>
/// <param name="WithdrawnAt">When it was withdrawn.</param>
/// <param name="Reason">Why.</param>
public sealed record WithdrawnRequestView(string ExternalRef, Prescriber Prescriber, DateTimeOffset SubmittedAt, DateTimeOffset WithdrawnAt, string Reason)
{
    internal static WithdrawnRequestView Of(WithdrawnRequest withdrawn) =>
        new(withdrawn.Request.ExternalRef, withdrawn.Request.Prescriber, withdrawn.Request.SubmittedAt, withdrawn.At, withdrawn.Reason);
}
