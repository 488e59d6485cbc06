using Guichet.Domain.Commissions;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// What a dossier has been through that a merge must not lose: its readings and its commission's decision. The
/// survivor of a merge keeps the further of its own and the one handed over, so that a reviewer's choice of direction
/// never sends the person back to a reading or a commission already done.
/// </summary>
/// <param name="Medical">The medical reading, once recorded.</param>
/// <param name="Social">The social reading, once recorded.</param>
/// <param name="ReadingsCompletedAt">When the second eligible reading was recorded.</param>
/// <param name="Commission">The commission's part.</param>
public sealed record DossierProgress(MedicalReading? Medical, SocialReading? Social, DateTimeOffset? ReadingsCompletedAt, CommissionOutcome? Commission)
{
    /// <summary>How far it goes: 3 admissible, 2 both readings eligible, 1 a reading recorded, 0 none.</summary>
    public int Stage => Commission is { Verdict: CommissionVerdict.Admissible } ? 3
        : Medical is { Verdict: ReadingVerdict.Eligible } && Social is { Verdict: ReadingVerdict.Eligible } ? 2
        : Medical is not null || Social is not null ? 1
        : 0;

    /// <summary>The progress of <paramref name="dossier"/>.</summary>
    public static DossierProgress Of(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return new(dossier.Medical, dossier.Social, dossier.ReadingsCompletedAt, dossier.Commission);
    }
}
