using System.Security.Claims;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Ranking;
using Guichet.Host.Config;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.WaitingList;

/// <summary>
/// A device's waiting list (<c>GET /api/waiting-list?device=</c>), ranked on each call with the grid in force now,
/// from the waiting list's read model (every page). Dossiers the commission ranked ahead of the grid's order come
/// first, with the commission's reason, in the grid's order among themselves.
/// <para>
/// What each role sees. No medical field (pathologies, care needs, the severity as such) is ever shown. The
/// explanation and score are the published cotation: commission members, ARS administrators and medical readers
/// see them for every dossier. Its medical-severity line reveals the medical reader's severity (as the score does,
/// by subtraction), so a social reader sees ranks, dates and overrides only. A prescriber sees only the dossiers
/// holding one of its requests (its own <c>org</c>), each with its score, explanation, rank among all the device's
/// dossiers and the median wait of similar dossiers, as the law ELAN gives an applicant.
/// </para>
/// </summary>
public static class WaitingListApi
{
    private static readonly string[] SeeExplanations = [Roles.Commission, Roles.ArsAdmin, Roles.MedicalReader];
    private static readonly string[] Staff = [.. SeeExplanations, Roles.SocialReader];

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapWaitingListApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api")
            .WithMetadata(new ApiTag("Waiting list", "Liste d'attente d'un dispositif, classée avec la grille en vigueur et expliquée (critère, valeur, points) ; les dérogations de la commission d'abord, avec leur motif. Un prescripteur n'y voit que ses propres dossiers, avec leur rang, leur score et le délai médian des dossiers comparables."))
            .RequireAuthorization(Policies.WaitingList)
            .MapGet("/waiting-list", GetAsync).WithName("GetWaitingList")
            .WithSummary("La liste d'attente classée d'un dispositif (device = ACT, LHSS ou LAM), avec la version de grille utilisée.")
            .ProducesValidationProblem();
        return app;
    }

    private static async Task<Results<Ok<WaitingListResponse>, ValidationProblem>> GetAsync(
        string? device, PriorityGridStore grids, WorkflowRuntime runtime, TimeProvider time, HttpContext http, CancellationToken cancellationToken)
    {
        if (DeviceQuery.Check(device, out var chosen) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var grid = await grids.InForceAsync(now, cancellationToken);
        var entries = (await WaitingListReader.ReadAsync(runtime, chosen, cancellationToken)).ToDictionary(e => e.Row.DossierId, StringComparer.Ordinal);
        var ranked = PriorityRanking.Rank(entries.Values.Select(e => e.Dossier.Input), grid.Grid, now);
        var user = http.User;
        IReadOnlyList<WaitingListEntry> shown = Staff.Any(user.IsInRole)
            ? [.. ranked.Dossiers.Select(d => Entry(d, entries[d.DossierId], SeeExplanations.Any(user.IsInRole)))]
            : Own(user, ranked.Dossiers, entries);
        return TypedResults.Ok(new WaitingListResponse(WireName.Of(chosen), ranked.GridVersion, ranked.RankedAt, ranked.Dossiers.Count, shown));
    }

    private static WaitingListEntry Entry(RankedDossier ranked, WaitingEntry entry, bool withExplanation) => new(
        ranked.Rank,
        ranked.DossierId,
        ranked.FirstRequestAt,
        entry.Row.AdmissibleAt,
        withExplanation ? ranked.Score : null,
        withExplanation ? ranked.Explanation : null,
        ranked.PriorityOverride,
        ConfirmationDueAt: entry.Row.ConfirmationDueAt);

    /// <summary>A prescriber's own dossiers: those holding one of its requests, opened from it or merged with it.</summary>
    private static List<WaitingListEntry> Own(ClaimsPrincipal user, IReadOnlyList<RankedDossier> ranked, Dictionary<string, WaitingEntry> entries)
    {
        var org = Caller.Org(user) ?? "";
        var refs = entries.Values
            .Select(e => (e.Row.DossierId, Refs: WaitingRequest.Of(e.Row).Where(r => r.PrescriberId == org).Select(r => r.ExternalRef).Order(StringComparer.Ordinal).ToArray()))
            .Where(e => e.Refs.Length > 0)
            .ToDictionary(e => e.DossierId, e => e.Refs, StringComparer.Ordinal);
        return
        [
            .. ranked
                .Where(d => refs.ContainsKey(d.DossierId))
                .Select(d => Entry(d, entries[d.DossierId], withExplanation: true) with
                {
                    ExternalRefs = refs[d.DossierId],
                    SimilarWait = SimilarWaits.Of(d, ranked, entries),
                }),
        ];
    }
}
