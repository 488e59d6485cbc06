using Azure;
using Azure.Data.Tables;
using Guichet.Domain.Intake;

namespace Guichet.Host.Intake;

/// <summary>
/// The requests the intake has taken, by their idempotency key, in <c>{hub}IntakeKeys</c> (partition: prescriber id;
/// row: externalRef). A row is written before its dossier is started or raised, and read synchronously, where the
/// dossiers' own read models are only eventually consistent: the second message of a request always finds the first.
/// </summary>
internal sealed class IntakeKeys(TableClient table)
{
    public TableClient Table => table;

    /// <summary>The row of a key, or null when the intake has never taken it.</summary>
    public async Task<IntakeKeyRow?> GetAsync(IntakeKey key, CancellationToken ct)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key.PrescriberId, key.ExternalRef, cancellationToken: ct);
        return row.HasValue && row.Value is { } found
            ? new(found.GetString("DossierId")!, found.GetString("Hash")!, Enum.Parse<IntakeRoute>(found.GetString("Route")!), found.ETag)
            : null;
    }

    /// <summary>Writes the row of a key not taken yet and returns it with its ETag; null when another delivery wrote it first.</summary>
    public async Task<IntakeKeyRow?> TryAddAsync(IntakeKey key, IntakeKeyRow row, CancellationToken ct)
    {
        try
        {
            var added = await table.AddEntityAsync(Entity(key, row), ct);
            return row with { ETag = added.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    /// <summary>Replaces a row read before (its ETag) and returns it with its new ETag; null when it changed meanwhile.</summary>
    public async Task<IntakeKeyRow?> TryReplaceAsync(IntakeKey key, IntakeKeyRow row, CancellationToken ct)
    {
        try
        {
            var replaced = await table.UpdateEntityAsync(Entity(key, row), row.ETag, TableUpdateMode.Replace, ct);
            return row with { ETag = replaced.Headers.ETag ?? ETag.All };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    /// <summary>Deletes a row read before (its ETag), so that the key can be taken afresh; nothing when it changed meanwhile.</summary>
    public async Task DeleteAsync(IntakeKey key, IntakeKeyRow row, CancellationToken ct)
    {
        try
        {
            await table.DeleteEntityAsync(key.PrescriberId, key.ExternalRef, row.ETag, ct);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Gone or taken again meanwhile: either way not ours to delete.
        }
    }

    private static TableEntity Entity(IntakeKey key, IntakeKeyRow row) => new(key.PrescriberId, key.ExternalRef)
    {
        ["DossierId"] = row.DossierId,
        ["Hash"] = row.Hash,
        ["Route"] = row.Route.ToString(),
    };
}
