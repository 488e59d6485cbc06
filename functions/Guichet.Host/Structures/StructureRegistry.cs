using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Domain.Structures;
using Guichet.Runtime;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Structures;

/// <summary>
/// The registry of structures, one row per structure in <c>{hub}Structures</c> (partition <c>structure</c>, row key its
/// id, the structure as JSON). Seeded from <see cref="StructureCatalog"/> by adding each one absent, so that a seed never
/// overwrites an administrator's edit and two hosts seeding at once do no harm.
/// </summary>
internal sealed class StructureRegistry
{
    /// <summary>The table's name after the hub's.</summary>
    public const string TableSuffix = "Structures";

    private const string Partition = "structure";
    private readonly TableClient _table;
    private volatile bool _seeded;

    /// <summary>Binds the registry to the hub's table; nothing is read or written until asked.</summary>
    public StructureRegistry(StorageClients storage, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);
    }

    /// <summary>Adds every structure of the catalog that the table lacks; idempotent.</summary>
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (_seeded)
        {
            return;
        }

        await _table.CreateIfNotExistsAsync(cancellationToken);
        foreach (var structure in StructureCatalog.All)
        {
            try
            {
                await _table.AddEntityAsync(ToRow(structure), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Already there, seeded or edited: kept as it is.
            }
        }

        _seeded = true;
    }

    /// <summary>Every structure, by id.</summary>
    public async Task<IReadOnlyList<Structure>> ListAsync(CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken);
        var structures = new List<Structure>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {Partition}"), cancellationToken: cancellationToken))
        {
            structures.Add(FromRow(row));
        }

        return [.. structures.OrderBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>The structure of that id, or null.</summary>
    public async Task<Structure?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await SeedAsync(cancellationToken);
        var row = await _table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken);
        return row.HasValue ? FromRow(row.Value!) : null;
    }

    /// <summary>Writes a valid structure; true when it was new.</summary>
    public async Task<bool> SaveAsync(Structure structure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var existed = await FindAsync(structure.Id, cancellationToken) is not null;
        await _table.UpsertEntityAsync(ToRow(structure), TableUpdateMode.Replace, cancellationToken);
        return !existed;
    }

    private static TableEntity ToRow(Structure structure) => new(Partition, structure.Id)
    {
        ["Structure"] = JsonSerializer.Serialize(structure, WorkflowJson.Options),
    };

    private static Structure FromRow(TableEntity row) =>
        JsonSerializer.Deserialize<Structure>(row.GetString("Structure"), WorkflowJson.Options)
            ?? throw new JsonException($"Structure row {row.RowKey} is empty.");
}
