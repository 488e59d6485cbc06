namespace Guichet.Host.Observability;

/// <summary>
/// What a call disclosed of a dossier, added to its audit line (DESIGN §7: every read of a dossier is itself logged,
/// with what the reader was shown): the dossier, the part shown, and whether the medical part was among it.
/// </summary>
/// <param name="DossierId">The dossier.</param>
/// <param name="Disclosed">What was shown ("dossier", "request status"), or "nothing" with why.</param>
/// <param name="MedicalShown">Whether the medical part was shown.</param>
internal sealed record AuditDisclosure(string DossierId, string Disclosed, bool MedicalShown)
{
    /// <summary>Records what the current call disclosed; the audit middleware writes it on the call's line.</summary>
    public static void Record(HttpContext context, string dossierId, string disclosed, bool medicalShown)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Features.Set(new AuditDisclosure(dossierId, disclosed, medicalShown));
    }
}
