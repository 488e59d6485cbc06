using System.Globalization;

namespace Guichet.Domain.Ranking;

/// <summary>
/// Ranks the waiting list with a priority grid (invariant 6): within a section only the highest criterion that
/// applies counts, sections add up, seniority counts full 30-day periods since the first request up to the
/// grid's cap. Ties go to the earlier request, then to the smaller dossier id (ordinal). Dossiers whose rank
/// the commission overrode (<see cref="RankingInput.PriorityOverride"/>) come first, in that same order among
/// themselves; a list without overrides is ordered by the grid alone. Deterministic: the same dossiers, grid and
/// instant give the same order whatever order the dossiers come in.
/// </summary>
public static class PriorityRanking
{
    private static readonly TimeSpan Period = TimeSpan.FromDays(30);
    private static readonly string[] Severities = [.. Enumerable.Range(0, 6).Select(s => string.Create(CultureInfo.InvariantCulture, $"gravité {s}/5"))];
    private static readonly string[] Vulnerabilities = [.. Enumerable.Range(0, 6).Select(v => string.Create(CultureInfo.InvariantCulture, $"vulnérabilité {v}/5"))];

    /// <summary>
    /// The dossiers ranked best first at <paramref name="now"/> (its own date counts for anchoring), each with
    /// its explanation, whose points sum to its score.
    /// </summary>
    /// <exception cref="ArgumentException">The grid is invalid, a dossier id appears twice, or a reading is out of 0–5.</exception>
    public static RankedList Rank(IEnumerable<RankingInput> dossiers, PriorityGrid grid, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossiers);
        ArgumentNullException.ThrowIfNull(grid);
        if (GridValidation.Validate(grid) is { Count: > 0 } violations)
        {
            throw new ArgumentException($"Invalid priority grid: {string.Join("; ", violations.Select(v => $"{v.Path}: {v.Message}"))}", nameof(grid));
        }

        var today = DateOnly.FromDateTime(now.DateTime);
        // What each section reads, each kind once: computed per ranking, not per dossier.
        var kinds = grid.Sections.Select(s => s.Criteria.Select(c => c.Kind).Distinct().ToArray()).ToArray();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var scored = new List<(RankingInput Input, int Score, ExplanationLine[] Lines)>();
        foreach (var input in dossiers)
        {
            ArgumentNullException.ThrowIfNull(input, nameof(dossiers));
            if (!ids.Add(input.DossierId))
            {
                throw new ArgumentException($"Dossier '{input.DossierId}' appears twice in the waiting list.", nameof(dossiers));
            }

            if (input.MedicalSeverity is < 0 or > 5 || input.SocialVulnerability is < 0 or > 5)
            {
                throw new ArgumentException($"Dossier '{input.DossierId}': severity and vulnerability go from 0 to 5.", nameof(dossiers));
            }

            var lines = Explain(input, grid, kinds, now, today);
            scored.Add((input, lines.Sum(l => l.Points), lines));
        }

        scored.Sort((a, b) => Compare((a.Input, a.Score), (b.Input, b.Score)));
        return new(grid.Version, now, [.. scored.Select((s, i) => new RankedDossier(i + 1, s.Input.DossierId, s.Score, s.Input.FirstRequestAt, s.Lines)
        {
            PriorityOverride = s.Input.IsOverridden ? s.Input.PriorityOverride : null,
        })]);
    }

    /// <summary>
    /// The order of the waiting list: dossiers the commission overrode first, then higher score, then earlier request,
    /// then smaller dossier id (ordinal).
    /// </summary>
    public static int Compare((RankingInput Input, int Score) a, (RankingInput Input, int Score) b)
    {
        ArgumentNullException.ThrowIfNull(a.Input);
        ArgumentNullException.ThrowIfNull(b.Input);
        var byOverride = b.Input.IsOverridden.CompareTo(a.Input.IsOverridden);
        if (byOverride != 0)
        {
            return byOverride;
        }

        var byScore = b.Score.CompareTo(a.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byDate = a.Input.FirstRequestAt.UtcTicks.CompareTo(b.Input.FirstRequestAt.UtcTicks);
        return byDate != 0 ? byDate : string.CompareOrdinal(a.Input.DossierId, b.Input.DossierId);
    }

    private static ExplanationLine[] Explain(RankingInput input, PriorityGrid grid, CriterionKind[][] kinds, DateTimeOffset now, DateOnly today)
    {
        var lines = new ExplanationLine[grid.Sections.Count + 1];
        for (var s = 0; s < grid.Sections.Count; s++)
        {
            var section = grid.Sections[s];
            GridCriterion? best = null;
            foreach (var criterion in section.Criteria)
            {
                // Strictly greater: among criteria of equal points, the first listed is the one named.
                if ((best is null || criterion.Points > best.Points) && criterion.AppliesTo(input, today))
                {
                    best = criterion;
                }
            }

            var value = kinds[s].Length == 1 ? ValueRead(kinds[s][0], input, today) : string.Join(" ; ", kinds[s].Select(k => ValueRead(k, input, today)));
            lines[s] = new(section.Code, best?.Code ?? ExplanationLine.NoCriterion, value, best?.Points ?? 0);
        }

        var days = Math.Max(0, (now - input.FirstRequestAt).Ticks / TimeSpan.TicksPerDay);
        var periods = Math.Max(0, (now - input.FirstRequestAt).Ticks / Period.Ticks);
        var seniority = (int)Math.Min(grid.SeniorityCap, periods * grid.SeniorityPointsPer30Days);
        lines[^1] = new(PriorityGrid.SenioritySection, PriorityGrid.SeniorityCriterion, string.Create(CultureInfo.InvariantCulture, $"{days} jours"), seniority);
        return lines;
    }

    private static string ValueRead(CriterionKind kind, RankingInput input, DateOnly today) => kind switch
    {
        CriterionKind.MedicalSeverity => Severities[input.MedicalSeverity],
        CriterionKind.SocialVulnerability => Vulnerabilities[input.SocialVulnerability],
        CriterionKind.Housing => WireName.Of(input.Housing),
        CriterionKind.FollowedInRegionYears => input.FollowedInRegionSince is null
            ? "suivi dans la région : inconnu"
            : string.Create(CultureInfo.InvariantCulture, $"suivi dans la région depuis {input.YearsFollowedInRegion(today)} an(s)"),
        CriterionKind.WishedDepartmentIsAnchoring => $"souhaités : {Codes(input.WishedDepartments)} ; ancrage : {Codes(input.AnchoringDepartments)}",
        _ => "",
    };

    private static string Codes(IReadOnlyList<Department> departments) =>
        departments.Count == 0 ? "aucun" : string.Join(", ", departments.Select(WireName.Of));
}
