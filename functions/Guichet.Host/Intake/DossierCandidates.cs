using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Identity;
using Guichet.Domain.Intake;
using Guichet.Host.Dossiers;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;
using Guichet.Runtime;

namespace Guichet.Host.Intake;

/// <summary>
/// Finds the active dossiers a request may be the same person's as: those the identity index gives for its blocking
/// keys, read from the runtime (the exact state, not a read model), kept when active (not ended), of the same device,
/// and possibly or surely the same person by <see cref="IdentityMatch"/> against any request they hold.
/// </summary>
internal sealed class DossierCandidates(WorkflowRuntime runtime, IdentityIndex index)
{
    /// <summary>The matching candidates of <paramref name="request"/>, but <paramref name="except"/>.</summary>
    public async Task<IReadOnlyList<DossierCandidate>> FindAsync(DossierRequest request, string? except, CancellationToken ct)
    {
        var profile = IdentityProfile.Of(request.Person);
        var rows = await index.FindRowsAsync(request.Device, profile, ct);
        var ids = rows.Select(r => r.DossierId).Where(id => id != except).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        var read = await Task.WhenAll(ids.Select(async id => (Id: id, Status: await runtime.GetStatusAsync(id, withData: true, ct))));

        // A dossier that ended is no candidate ever again: its rows go, so that the index does not grow with history.
        // One not started yet (its keys are indexed before its start) has no status, and stays.
        var ended = read.Where(r => HasEnded(r.Status)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        if (ended.Count > 0)
        {
            await index.RemoveAsync(rows.Where(r => ended.Contains(r.DossierId)), ct);
        }

        return
        [
            .. read.Select(r => ActiveOf(r.Status)).OfType<Dossier>()
                .Where(d => d.Device == request.Device)
                .Select(d => new DossierCandidate(d, Best(profile, d)))
                .Where(c => c.Match.Level != MatchLevel.None),
        ];
    }

    /// <summary>A dossier's state when it has not ended (a Failed instance has not: it waits to be rewound), else null.</summary>
    public async Task<Dossier?> ActiveAsync(string dossierId, CancellationToken ct) =>
        ActiveOf(await runtime.GetStatusAsync(dossierId, withData: true, ct));

    private static bool HasEnded(InstanceStatus? status) =>
        status is { RuntimeStatus: RuntimeStatus.Completed or RuntimeStatus.Terminated } || (status is not null && StateOf(status) is { End: not null });

    private static Dossier? ActiveOf(InstanceStatus? status) =>
        status is { RuntimeStatus: not (RuntimeStatus.Completed or RuntimeStatus.Terminated) } && StateOf(status) is { End: null } dossier
            ? dossier
            : null;

    /// <summary>The dossier state of an instance of the dossier workflow; null for any other.</summary>
    public static Dossier? StateOf(InstanceStatus status) =>
        status.WorkflowType == DossierRegistration.WorkflowType && status.State is { ValueKind: JsonValueKind.Object } state
            ? state.Deserialize<Dossier>(WorkflowJson.Options)
            : null;

    /// <summary>The best match of <paramref name="profile"/> with the persons of the requests <paramref name="dossier"/> holds.</summary>
    public static IdentityMatchResult Best(IdentityProfile profile, Dossier dossier) =>
        dossier.Requests
            .Select(r => IdentityMatch.Compare(profile, IdentityProfile.Of(r.Person)))
            .OrderByDescending(m => m.Level)
            .First();
}
