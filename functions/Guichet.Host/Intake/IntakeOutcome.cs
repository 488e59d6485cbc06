using Guichet.Domain;

namespace Guichet.Host.Intake;

/// <summary>The one way each intake message ends (invariant 8).</summary>
public enum IntakeOutcomeKind
{
    /// <summary>It opened a new dossier.</summary>
    Created,

    /// <summary>It joined the active dossier of the same person and device.</summary>
    Merged,

    /// <summary>It updated the request it sent before (same prescriber and externalRef).</summary>
    Updated,

    /// <summary>It was refused, with every reason, on <c>dossiers-intake-rejected</c> and to its prescriber.</summary>
    Rejected,
}

/// <summary>How an intake message ended: the dossier it went to, or the reasons it was refused.</summary>
/// <param name="Kind">Created, merged, updated or rejected.</param>
/// <param name="DossierId">The dossier that holds the request now; null when rejected.</param>
/// <param name="Reasons">Why it was rejected; empty otherwise.</param>
internal sealed record IntakeOutcome(IntakeOutcomeKind Kind, string? DossierId, IReadOnlyList<Violation> Reasons)
{
    /// <summary>The outcome as logs and metrics spell it.</summary>
    public string Name => Kind switch
    {
        IntakeOutcomeKind.Created => "created",
        IntakeOutcomeKind.Merged => "merged",
        IntakeOutcomeKind.Updated => "updated",
        _ => "rejected",
    };

    public static IntakeOutcome Created(string dossierId) => new(IntakeOutcomeKind.Created, dossierId, []);

    public static IntakeOutcome Merged(string dossierId) => new(IntakeOutcomeKind.Merged, dossierId, []);

    public static IntakeOutcome Updated(string dossierId) => new(IntakeOutcomeKind.Updated, dossierId, []);

    public static IntakeOutcome Rejected(IReadOnlyList<Violation> reasons) => new(IntakeOutcomeKind.Rejected, null, reasons);

    public static IntakeOutcome Rejected(string path, string reason) => Rejected([new Violation(path, reason)]);
}
