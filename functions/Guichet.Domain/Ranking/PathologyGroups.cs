using Guichet.Domain.Intake;

namespace Guichet.Domain.Ranking;

/// <summary>
/// The mapping of pathologies to groups: infectious (hiv, hepatitis-b, hepatitis-c, tuberculosis), cancer,
/// chronic-somatic (diabetes, cardiovascular, renal-failure, respiratory, liver-disease, neurological),
/// psychiatric, other.
/// </summary>
public static class PathologyGroups
{
    /// <summary>The group of a pathology.</summary>
    public static PathologyGroup Of(Pathology pathology) => pathology switch
    {
        Pathology.Hiv or Pathology.HepatitisB or Pathology.HepatitisC or Pathology.Tuberculosis => PathologyGroup.Infectious,
        Pathology.Cancer => PathologyGroup.Cancer,
        Pathology.Diabetes or Pathology.Cardiovascular or Pathology.RenalFailure or Pathology.Respiratory
            or Pathology.LiverDisease or Pathology.Neurological => PathologyGroup.ChronicSomatic,
        Pathology.Psychiatric => PathologyGroup.Psychiatric,
        _ => PathologyGroup.Other,
    };

    /// <summary>The groups of a dossier's pathologies, each once, in group order; <see cref="PathologyGroup.Other"/> when there is none.</summary>
    public static IReadOnlyList<PathologyGroup> Of(IEnumerable<Pathology> pathologies)
    {
        ArgumentNullException.ThrowIfNull(pathologies);
        var groups = pathologies.Select(Of).Distinct().Order().ToArray();
        return groups.Length > 0 ? groups : [PathologyGroup.Other];
    }
}
