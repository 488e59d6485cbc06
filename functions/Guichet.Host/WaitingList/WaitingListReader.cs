using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Ranking;
using Guichet.Host.ReadModels;
using Guichet.Runtime;

namespace Guichet.Host.WaitingList;

/// <summary>
/// Reads a device's waiting list from its read model (<see cref="DossierReadModels.WaitingList"/>, partition = the
/// device), every page, and turns each flat row back into the ranking's input and the preview's profile.
/// </summary>
internal static class WaitingListReader
{
    /// <summary>The device's waiting dossiers, in no particular order.</summary>
    public static async Task<IReadOnlyList<WaitingEntry>> ReadAsync(WorkflowRuntime runtime, Device device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var partition = WireName.Of(device);
        var rows = await runtime.ReadModel(DossierReadModels.WaitingList).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken);
        return [.. rows.Select(ReadModelRows.As<WaitingListRow>).Select(r => new WaitingEntry(r, new WaitingDossier(RankingInputs.Of(r), RankingInputs.ProfileOf(r))))];
    }
}
