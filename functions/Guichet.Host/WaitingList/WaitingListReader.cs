using System.Globalization;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
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
        return [.. rows.Select(ReadModelRows.As<WaitingListRow>).Select(Entry)];
    }

    /// <summary>The row as the ranking and the preview read it.</summary>
    public static WaitingEntry Entry(WaitingListRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var anchoring = List<Department>(row.AnchoringDepartments);
        var wishes = List<Department>(row.WishedDepartments);
        var input = new RankingInput(
            row.DossierId,
            row.FirstRequestAt,
            row.MedicalSeverity,
            row.SocialVulnerability,
            WireName.TryParse<HousingSituation>(row.Housing, out var housing) ? housing : HousingSituation.Other,
            DateOnly.TryParseExact(row.FollowedInRegionSince, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var since) ? since : null,
            anchoring,
            wishes)
        {
            PriorityOverride = row.PriorityOverride,
        };
        var profile = new DossierProfile(
            WireName.TryParse<Sex>(row.Sex, out var sex) ? sex : Sex.Unknown,
            row.BirthYear,
            anchoring.Count > 0 ? anchoring[0] : wishes.Count > 0 ? wishes[0] : null,
            List<Pathology>(row.Pathologies));
        return new(row, new WaitingDossier(input, profile));
    }

    /// <summary>A comma-separated list of wire spellings; a spelling this host does not know is left out.</summary>
    private static List<T> List<T>(string? values)
        where T : struct, Enum =>
        [.. (values ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(v => (Known: WireName.TryParse<T>(v, out var value), Value: value))
            .Where(v => v.Known)
            .Select(v => v.Value)];
}
