using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime;
using Guichet.Runtime.ReadModels;
using Guichet.Runtime.Workflows;

namespace Guichet.Testing;

/// <summary>
/// Writes read-model rows directly, as a decider's Project effect would (the record's properties as columns, with
/// the runtime's owner, generation, step and removal columns), for tests and benchmarks that need a read model in a
/// given state without running every workflow that would project it.
/// </summary>
public static class ReadModelSeed
{
    public static async Task WriteAsync(WorkflowRuntime runtime, string readModel, string partitionKey, string rowKey, object row)
    {
        var table = await TableAsync(runtime, readModel);
        await table.UpsertEntityAsync(Entity(partitionKey, rowKey, row), TableUpdateMode.Replace);
    }

    /// <summary>
    /// Many rows of one partition, 100 to a transaction (as Azure allows), <paramref name="parallelism"/> transactions at once.
    /// </summary>
    public static async Task WriteManyAsync(WorkflowRuntime runtime, string readModel, IEnumerable<TableEntity> rows, int parallelism = 1, CancellationToken cancellationToken = default)
    {
        var table = await TableAsync(runtime, readModel);
        await Parallel.ForEachAsync(rows.Chunk(100), new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, async (batch, ct) =>
            await table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
    }

    /// <summary>The row as its writer (<paramref name="rowKey"/>, step 1) would have projected it, through the runtime's own projection.</summary>
    public static TableEntity Entity(string partitionKey, string rowKey, object row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return ProjectionRows.ToEntity(partitionKey, rowKey, JsonSerializer.SerializeToUtf8Bytes(row, row.GetType(), WorkflowJson.Options), new ProjectionStamp(rowKey, 0, 1));
    }

    private static async Task<TableClient> TableAsync(WorkflowRuntime runtime, string readModel)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var table = runtime.Storage.Tables.GetTableClient(runtime.ReadModel(readModel).TableName);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
