using Guichet.Runtime.Storage;
using Microsoft.Extensions.Logging;

namespace Guichet.Runtime;

public sealed partial class WorkflowRuntime
{
    /// <summary>
    /// Keeps the instance list's summary current after a committed step (see <see cref="Instances.InstanceList.RefreshAsync"/>).
    /// The step is committed whatever happens here: a failure is logged, and the next step of the instance writes it again.
    /// </summary>
    private async Task RefreshListedAsync(Commit commit, CancellationToken ct)
    {
        try
        {
            await InstanceList.RefreshAsync(commit, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _logger.LogWarning(ex, "The list's summary of {InstanceId} was not brought up to date; its next step does it", commit.Record.InstanceId);
        }
    }
}
