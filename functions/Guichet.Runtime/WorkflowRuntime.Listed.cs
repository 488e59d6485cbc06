using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Keeps the instance list's summary current after a committed step that changed what an operator looks for in it —
    /// its pending timers, its buffered events, what it waits for (see <see cref="Instances.InstanceList.RefreshAsync"/>).
    /// A step that changed none of them leaves the row's update time and history length as of the last step that did,
    /// sparing the two requests of the refresh on the path every event takes (the instance's own status is exact).
    /// The step is committed whatever happens here: a failure is logged, and the next step of the instance writes it again.
    /// </summary>
    private async Task RefreshListedAsync(InstanceRecord before, Commit commit, CancellationToken ct)
    {
        var after = commit.Record;
        if (before.BufferedEvents == after.BufferedEvents && before.Waiting == after.Waiting && before.Timers.SequenceEqual(after.Timers))
        {
            return;
        }

        try
        {
            await InstanceList.RefreshAsync(commit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "The list's summary of {InstanceId} was not brought up to date; its next step does it", commit.Record.InstanceId);
        }
    }
}
