using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Guichet.Runtime.Queues;

/// <summary>
/// A received message while this host holds it: its current pop receipt, renewed visibility, and exactly one
/// settlement (delete, or release with a visibility delay). Operations are serialised; after the settlement
/// the others do nothing, so a release at shutdown and a late completion cannot both act. Its gate allocates
/// no wait handle, so nothing needs disposing.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "The gate's wait handle is never allocated; disposing it would race a release at shutdown.")]
internal sealed class MessageLease(QueueClient queue, QueueMessage message)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string _popReceipt = message.PopReceipt;
    private bool _settled;

    public QueueMessage Message => message;

    /// <summary>The task handling the message, set when it starts.</summary>
    public Task? Completion { get; set; }

    /// <summary>Keeps the message invisible for <paramref name="visibility"/>, renewing at half-time until cancelled.</summary>
    public async Task RenewWhileRunningAsync(TimeSpan visibility, TimeProvider time, CancellationToken ct)
    {
        var wait = visibility / 2;
        try
        {
            while (true)
            {
                await Task.Delay(wait, time, ct);
                try
                {
                    if (!await SettleOrUpdateAsync(visibility, settle: false, CancellationToken.None))
                    {
                        return;
                    }

                    wait = visibility / 2;
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    // A renewal that failed (storage busy) is tried again soon, before the message shows again;
                    // it never stops renewing nor keeps the handler's result from being settled.
                    wait = visibility / 8;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    /// <summary>Deletes the message; false when it was settled before or is no longer ours.</summary>
    public async Task<bool> DeleteAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_settled)
            {
                return false;
            }

            _settled = true;
            return await IgnoringLostAsync(() => queue.DeleteMessageAsync(message.MessageId, _popReceipt, ct));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the message visible again after <paramref name="delay"/>; false when it was settled before.</summary>
    public Task<bool> ReleaseAsync(TimeSpan delay, CancellationToken ct) => SettleOrUpdateAsync(delay, settle: true, ct);

    private async Task<bool> SettleOrUpdateAsync(TimeSpan visibility, bool settle, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (_settled)
            {
                return false;
            }

            _settled = settle;
            return await IgnoringLostAsync(async () =>
            {
                var receipt = await queue.UpdateMessageAsync(message.MessageId, _popReceipt, visibilityTimeout: visibility, cancellationToken: ct);
                _popReceipt = receipt.Value.PopReceipt;
            });
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>A message deleted or received by another host meanwhile (its pop receipt changed) is no longer ours.</summary>
    private static async Task<bool> IgnoringLostAsync(Func<Task> operation)
    {
        try
        {
            await operation();
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 400 && ex.ErrorCode is "MessageNotFound" or "PopReceiptMismatch")
        {
            return false;
        }
    }
}
