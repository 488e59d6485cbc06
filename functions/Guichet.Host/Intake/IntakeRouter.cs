using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Identity;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Intake;

/// <summary>
/// Takes a valid request to its dossier: a known key updates the dossier that holds it; a new key joins the active
/// dossier of the same person and device when one surely matches (invariant 1), else opens its own, listing the
/// possible matches. The key is recorded (<see cref="IntakeKeys"/>) before anything is started or raised, so a
/// delivery of the same message again, after a crash at any point, takes the same route and repeats nothing visible:
/// starts are idempotent on the dossier id, and every event raised carries a deterministic id.
/// </summary>
internal sealed partial class IntakeRouter(WorkflowRuntime runtime, IntakeKeys keys, IdentityIndex index, DossierCandidates candidates, ILogger<IntakeRouter> logger)
{
    // How many merges a request follows to the dossier that survived them.
    private const int MaxHops = 8;

    /// <summary>Routes a request; throws to have its message delivered again when its dossier is not there yet.</summary>
    public async Task<IntakeOutcome> RouteAsync(IntakeRequest intake, CancellationToken ct)
    {
        // Planned before the key is tried, not after reading it: most keys are new, and their insert is the read.
        var plan = await PlanAsync(intake, [], ct);
        if (await keys.TryAddAsync(intake.Key, plan.Row(intake.Hash), ct) is { } row)
        {
            return await CarryOutAsync(intake, row, plan, [], ct);
        }

        // Taken already, by an earlier message of this request or another delivery of this one: follow what it recorded.
        var known = await keys.GetAsync(intake.Key, ct) ?? throw new InvalidOperationException($"The key of request '{intake.Key.ExternalRef}' was taken and removed meanwhile; retried.");
        return known.Hash != intake.Hash ? await UpdateAsync(intake, known, ct)
            : known.Route == IntakeRoute.Merged ? await MergeAsync(intake, known, [], ct)
            : await ReplayCreationAsync(intake, known, ct);
    }

    /// <summary>Where a new request goes: the surviving one of the active dossiers that surely match, else a dossier of its own.</summary>
    private async Task<Plan> PlanAsync(IntakeRequest intake, IReadOnlyCollection<string> excluded, CancellationToken ct)
    {
        var found = (await candidates.FindAsync(intake.Request, intake.OwnDossierId, ct)).Where(c => !excluded.Contains(c.Dossier.Id)).ToList();
        var survivor = found.Where(c => c.Match.Level == MatchLevel.Sure).Order(SurvivalOrder).FirstOrDefault();
        return survivor is not null
            ? new(survivor.Dossier.Id, IntakeRoute.Merged, [])
            : new(intake.OwnDossierId, IntakeRoute.Created, [.. found.Select(c => new PossibleDuplicate(c.Dossier.Id, MatchReasonText.Of(c.Match)))]);
    }

    private Task<IntakeOutcome> CarryOutAsync(IntakeRequest intake, IntakeKeyRow row, Plan plan, IReadOnlyCollection<string> excluded, CancellationToken ct) =>
        plan.Route == IntakeRoute.Merged ? MergeAsync(intake, row, excluded, ct) : CreateAsync(intake, row, plan.Possibles, ct);

    private Task<RaiseOutcome> RaiseAsync(string dossierId, string name, DossierEvent payload, string eventId, IntakeRequest intake, CancellationToken ct, RequestContext? context = null) =>
        runtime.RaiseEventAsync(dossierId, name, JsonSerializer.SerializeToElement<object>(payload, WorkflowJson.Options), eventId, context ?? intake.Context, ct);

    private static readonly Comparer<DossierCandidate> SurvivalOrder = Comparer<DossierCandidate>.Create((a, b) => DossierCandidate.Compare(a.Dossier, b.Dossier));

    /// <summary>A route chosen for a new request, before its key is recorded.</summary>
    private sealed record Plan(string DossierId, IntakeRoute Route, IReadOnlyList<PossibleDuplicate> Possibles)
    {
        public IntakeKeyRow Row(string hash) => new(DossierId, hash, Route);
    }
}
