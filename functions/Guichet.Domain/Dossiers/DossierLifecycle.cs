namespace Guichet.Domain.Dossiers;

/// <summary>How a dossier's status follows from its state (to be completed with the decider).</summary>
public static class DossierLifecycle
{
    /// <summary>The status of <paramref name="dossier"/>.</summary>
    public static DossierStatus StatusOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return dossier.End?.Status ?? DossierStatus.Received;
    }
}
