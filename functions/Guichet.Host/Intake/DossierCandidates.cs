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
        var ids = (await index.FindAsync(request.Device, profile, ct)).Where(id => id != except);
        var dossiers = await Task.WhenAll(ids.Select(id => ActiveAsync(id, ct)));
        return
        [
            .. dossiers.OfType<Dossier>()
                .Where(d => d.Device == request.Device)
                .Select(d => new DossierCandidate(d, Best(profile, d)))
                .Where(c => c.Match.Level != MatchLevel.None),
        ];
    }

    /// <summary>A dossier's state when it has not ended (a Failed instance has not: it waits to be rewound), else null.</summary>
    public async Task<Dossier?> ActiveAsync(string dossierId, CancellationToken ct)
    {
        var status = await runtime.GetStatusAsync(dossierId, withData: true, ct);
        return status is { RuntimeStatus: not (RuntimeStatus.Completed or RuntimeStatus.Terminated) } && StateOf(status) is { End: null } dossier
            ? dossier
            : null;
    }

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
