namespace Guichet.Domain.Intake;

/// <summary>
/// What <see cref="IntakeValidation"/> makes of a message: the request, or every violation found (never both).
/// The violations are what the rejected-queue entry shows the prescriber.
/// </summary>
public sealed record IntakeResult
{
    private IntakeResult(DossierRequest? request, IReadOnlyList<Violation> violations)
    {
        Request = request;
        Violations = violations;
    }

    /// <summary>The accepted request; null when rejected.</summary>
    public DossierRequest? Request { get; }

    /// <summary>Every violation, in document order; empty when accepted.</summary>
    public IReadOnlyList<Violation> Violations { get; }

    /// <summary>Whether the message was accepted.</summary>
    public bool IsValid => Request is not null;

    /// <summary>An accepted request.</summary>
    public static IntakeResult Accepted(DossierRequest request) => new(request ?? throw new ArgumentNullException(nameof(request)), []);

    /// <summary>A rejected message, with at least one violation.</summary>
    public static IntakeResult Rejected(IReadOnlyList<Violation> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        return violations.Count > 0 ? new(null, violations) : throw new ArgumentException("A rejection lists at least one violation.", nameof(violations));
    }
}
