namespace Guichet.Host.Dossiers;

/// <summary>
/// Finds the rejection of an intake message by its idempotency key (DESIGN §3, invariant 8: a rejected request is
/// visible to its prescriber). Intake writes the rejections; the default reader is <see cref="IntakeRejectionTable"/>.
/// </summary>
public interface IIntakeRejectionReader
{
    /// <summary>The latest rejection of a message from <paramref name="prescriberId"/> with <paramref name="externalRef"/>, or null when none was rejected.</summary>
    Task<RequestRejection?> FindAsync(string prescriberId, string externalRef, CancellationToken cancellationToken = default);
}
