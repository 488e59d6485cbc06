using System.Globalization;

namespace Guichet.Domain.Ranking;

/// <summary>
/// What a priority grid may not be, listed with JSON paths as for intake: a version under 1, no section, an
/// empty section, negative points or cap, criteria whose threshold or housing situation makes no sense,
/// codes given twice (explanations would be ambiguous).
/// </summary>
public static class GridValidation
{
    /// <summary>Every violation of <paramref name="grid"/>; empty when it may be used.</summary>
    public static IReadOnlyList<Violation> Validate(PriorityGrid grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var violations = new List<Violation>();
        void Add(string path, string message) => violations.Add(new(path, message));

        if (grid.Version < 1)
        {
            Add("$.version", "La version d'une grille est un entier à partir de 1.");
        }

        if (grid.SeniorityPointsPer30Days < 0)
        {
            Add("$.seniorityPointsPer30Days", "Les points d'ancienneté ne peuvent pas être négatifs.");
        }

        if (grid.SeniorityCap < 0)
        {
            Add("$.seniorityCap", "Le plafond d'ancienneté ne peut pas être négatif.");
        }

        if (grid.Sections is not { Count: > 0 })
        {
            Add("$.sections", "Une grille a au moins une section.");
            return violations;
        }

        var sectionCodes = new HashSet<string>(StringComparer.Ordinal) { PriorityGrid.SenioritySection };
        for (var s = 0; s < grid.Sections.Count; s++)
        {
            var section = grid.Sections[s];
            var path = Path("$.sections", s);
            if (string.IsNullOrWhiteSpace(section.Code) || !sectionCodes.Add(section.Code))
            {
                Add($"{path}.code", $"Le code de section « {section.Code} » est vide ou déjà utilisé (« {PriorityGrid.SenioritySection} » est réservé).");
            }

            if (section.Criteria is not { Count: > 0 })
            {
                Add($"{path}.criteria", "Une section a au moins un critère.");
                continue;
            }

            var criterionCodes = new HashSet<string>(StringComparer.Ordinal);
            for (var c = 0; c < section.Criteria.Count; c++)
            {
                Check(section.Criteria[c], Path($"{path}.criteria", c), criterionCodes, Add);
            }
        }

        return violations;
    }

    private static void Check(GridCriterion criterion, string path, HashSet<string> codes, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(criterion.Code) || criterion.Code == ExplanationLine.NoCriterion || !codes.Add(criterion.Code))
        {
            add($"{path}.code", $"Le code de critère « {criterion.Code} » est vide, réservé ou déjà utilisé dans la section.");
        }

        if (criterion.Points < 0)
        {
            add($"{path}.points", "Les points d'un critère ne peuvent pas être négatifs.");
        }

        var thresholdProblem = criterion.Kind switch
        {
            CriterionKind.MedicalSeverity or CriterionKind.SocialVulnerability when criterion.Threshold is < 0 or > 5 => "Le seuil d'une gravité ou d'une vulnérabilité va de 0 à 5.",
            CriterionKind.FollowedInRegionYears when criterion.Threshold < 0 => "Un nombre d'années ne peut pas être négatif.",
            _ => null,
        };
        if (thresholdProblem is not null)
        {
            add($"{path}.threshold", thresholdProblem);
        }

        if (!Enum.IsDefined(criterion.Kind))
        {
            add($"{path}.kind", $"Type de critère inconnu : valeurs acceptées {string.Join(", ", WireName.All<CriterionKind>())}.");
        }
        else if ((criterion.Kind == CriterionKind.Housing) != (criterion.Housing is not null))
        {
            add($"{path}.housing", "Une situation de logement est attendue pour un critère de logement, et seulement pour lui.");
        }
    }

    private static string Path(string parent, int index) => string.Create(CultureInfo.InvariantCulture, $"{parent}[{index}]");
}
