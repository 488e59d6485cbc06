using Guichet.Domain.Placement;

namespace Guichet.Host.Placement;

/// <summary>A vacancy: its row, its candidacies, and for ARS administrators the matching's proposals (grid version, dossiers skipped and why).</summary>
/// <param name="Vacancy">The vacancy as its structure's list shows it.</param>
/// <param name="Candidacies">Its candidacies, in the order proposed.</param>
/// <param name="Proposals">The proposals; only for ARS administrators, since the skipped dossiers are other people's (care-need reasons collapsed unless medical).</param>
public sealed record VacancyView(VacancyRow Vacancy, IReadOnlyList<CandidacyView> Candidacies, IReadOnlyList<ProposalView>? Proposals)
{
    /// <summary>The view of <paramref name="vacancy"/> at <paramref name="now"/>; the skip reasons' care needs shown only to a <paramref name="medical"/> reader.</summary>
    public static VacancyView Of(Vacancy vacancy, DateTimeOffset now, bool withProposals, bool medical = false)
    {
        ArgumentNullException.ThrowIfNull(vacancy);
        var rows = VacancyRows.Of(vacancy).Select(p => p.Row).ToList();
        return new(
            rows.OfType<VacancyRow>().Single(),
            [.. rows.OfType<CandidacyRow>().Select(r => CandidacyView.Of(r, now))],
            withProposals ? [.. vacancy.Proposals.Select(p => ProposalView.Of(p, medical))] : null)
        {
            Unmatched = vacancy.Unmatched,
        };
    }

    /// <summary>The latest matching that found no compatible candidate, until one is proposed: when, which grid, how many waited, why none fit (counts only).</summary>
    public UnmatchedSearch? Unmatched { get; init; }
}
