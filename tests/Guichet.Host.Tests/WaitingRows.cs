using Guichet.Domain.Dossiers;
using Guichet.Runtime;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>Waiting-list rows written directly, as the dossier workflow projects them, for ranking tests that fix every input.</summary>
public static class WaitingRows
{
    /// <summary>
    /// A dossier of ACT on the waiting list: first request <paramref name="requestedDaysAgo"/> days before
    /// <paramref name="now"/>, declared admissible <paramref name="waitedDays"/> days after it; no anchoring, no wish,
    /// housing "other" unless said, so that its score is 4 × severity + 3 × vulnerability + seniority.
    /// </summary>
    public static WaitingListRow Row(
        string id, DateTimeOffset now, int requestedDaysAgo, int severity = 0, int vulnerability = 0, string housing = "other",
        string prescriber = "hopital-y", string? priorityOverride = null, int waitedDays = 1, string sex = "female", int birthYear = 1975,
        string anchoring = "", string pathologyGroups = "infectious")
    {
        var requested = now.AddDays(-requestedDaysAgo);
        return new WaitingListRow(
            id, "ACT", requested, requested.AddDays(waitedDays), severity, vulnerability, housing, null, anchoring, "", priorityOverride,
            sex, birthYear, pathologyGroups, "psychiatric-support", false, 0, false, WaitingRequest.ToRow([new WaitingRequest(prescriber, "ref-" + id)]));
    }

    public static async Task WriteAsync(WorkflowRuntime runtime, params WaitingListRow[] rows)
    {
        foreach (var row in rows)
        {
            await ReadModelSeed.WriteAsync(runtime, DossierReadModels.WaitingList, row.Device, row.DossierId, row);
        }
    }
}
