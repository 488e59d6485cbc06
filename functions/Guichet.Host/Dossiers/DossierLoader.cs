using System.Text.Json;
using Guichet.Domain.Dossiers;
using Guichet.Runtime;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Dossiers;

/// <summary>Reads dossiers from the runtime: an instance of another workflow type is no dossier, and is answered as none.</summary>
internal static class DossierLoader
{
    /// <summary>The dossier's state, or null when there is no dossier of that id.</summary>
    public static async Task<(Dossier Dossier, InstanceStatus Status)?> LoadAsync(WorkflowRuntime runtime, string dossierId, CancellationToken cancellationToken)
    {
        var status = await runtime.GetStatusAsync(dossierId, withData: true, cancellationToken);
        if (status is not { WorkflowType: DossierRegistration.WorkflowType, State: { ValueKind: JsonValueKind.Object } state })
        {
            return null;
        }

        var dossier = state.Deserialize<Dossier>(WorkflowJson.Options)
            ?? throw new JsonException($"The state of dossier '{dossierId}' is empty.");
        return (dossier, status);
    }

    /// <summary>The dossier's status without its state, or null when there is no dossier of that id.</summary>
    public static async Task<InstanceStatus?> StatusAsync(WorkflowRuntime runtime, string dossierId, CancellationToken cancellationToken) =>
        await runtime.GetStatusAsync(dossierId, withData: false, cancellationToken) is { WorkflowType: DossierRegistration.WorkflowType } status ? status : null;
}
