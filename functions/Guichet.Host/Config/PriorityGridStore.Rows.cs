using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Domain.Ranking;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Config;

// The table: one row per version, written only by adding (a new version) or by replacing under its ETag (a
// draft's revision, an activation), so that no concurrent write is lost.
internal sealed partial class PriorityGridStore
{
    private async Task<List<GridVersion>> ReadAsync(CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        var versions = new List<GridVersion>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: ct))
        {
            versions.Add(FromRow(row));
        }

        return [.. versions.OrderBy(v => v.Version)];
    }

    private async Task<bool> TryAddAsync(GridVersion version, CancellationToken ct)
    {
        await EnsureTableAsync(ct);
        try
        {
            await _table.AddEntityAsync(ToRow(version), ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    private async Task<bool> TryReplaceAsync(GridVersion version, CancellationToken ct)
    {
        try
        {
            await _table.UpdateEntityAsync(ToRow(version), version.ETag, TableUpdateMode.Replace, ct);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private async Task EnsureTableAsync(CancellationToken ct)
    {
        if (!_ready)
        {
            await _table.CreateIfNotExistsAsync(ct);
            _ready = true;
        }
    }

    private static TableEntity ToRow(GridVersion version)
    {
        var row = new TableEntity(Partition, version.Version.ToString("D10", CultureInfo.InvariantCulture))
        {
            ["Version"] = version.Version,
            ["Grid"] = JsonSerializer.Serialize(version.Grid, WorkflowJson.Options),
            ["CreatedAt"] = version.CreatedAt,
        };
        Set(row, "CreatedBy", version.CreatedBy);
        Set(row, "ActiveFrom", version.ActiveFrom);
        Set(row, "ActivatedAt", version.ActivatedAt);
        Set(row, "ActivatedBy", version.ActivatedBy);
        return row;

        // A column without a value is left out: tables store no nulls.
        static void Set(TableEntity row, string name, object? value)
        {
            if (value is not null)
            {
                row[name] = value;
            }
        }
    }

    private static GridVersion FromRow(TableEntity row) => new(
        JsonSerializer.Deserialize<PriorityGrid>(row.GetString("Grid"), WorkflowJson.Options)
            ?? throw new InvalidOperationException($"Priority grid row {row.RowKey} holds no grid."),
        row.GetDateTimeOffset("CreatedAt") ?? DefaultActiveFrom,
        row.GetString("CreatedBy"),
        row.GetDateTimeOffset("ActiveFrom"),
        row.GetDateTimeOffset("ActivatedAt"),
        row.GetString("ActivatedBy"),
        row.ETag);

    private static string? Bounded(string? actor) => actor is { Length: > MaxActorLength } ? actor[..MaxActorLength] : actor;
}
