using Guichet.Runtime;
using Guichet.Runtime.Instances;

namespace Guichet.Testing;

/// <summary>Reads a whole history through the paged API, for tests that look at every entry.</summary>
public static class HistoryPages
{
    /// <summary>Every entry of an instance's history in order, read page after page; null when there is no such instance.</summary>
    public static async Task<List<HistoryEntry>?> GetWholeHistoryAsync(this WorkflowRuntime runtime, string instanceId, int pageSize = HistoryPage.MaxSize)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var entries = new List<HistoryEntry>();
        long? from = 1;
        while (from is { } start)
        {
            if (await runtime.GetHistoryAsync(instanceId, start, pageSize) is not { } page)
            {
                return null;
            }

            entries.AddRange(page.Entries);
            from = page.NextSequence;
        }

        return entries;
    }
}
