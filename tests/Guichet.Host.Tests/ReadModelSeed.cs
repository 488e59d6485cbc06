using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Tests;

/// <summary>
/// Writes read-model rows directly, as a decider's Project effect would (the record's properties as columns, with
/// the runtime's owner, step and removal columns), for tests that need a read model in a given state.
/// </summary>
public static class ReadModelSeed
{
    public static async Task WriteAsync(WorkflowRuntime runtime, string readModel, string partitionKey, string rowKey, object row)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(row);
        var table = runtime.Storage.Tables.GetTableClient(runtime.ReadModel(readModel).TableName);
        await table.CreateIfNotExistsAsync();
        var entity = new TableEntity(partitionKey, rowKey) { ["_Owner"] = rowKey, ["_Sequence"] = 1L, ["_Removed"] = false };
        using var json = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(row, row.GetType(), WorkflowJson.Options));
        foreach (var property in json.RootElement.EnumerateObject())
        {
            object? value = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => property.Value.TryGetInt64(out var integral) ? integral : property.Value.GetDouble(),
                JsonValueKind.Null => null,
                _ => property.Value.GetRawText(),
            };
            if (value is not null)
            {
                entity[property.Name] = value;
            }
        }

        await table.UpsertEntityAsync(entity, TableUpdateMode.Replace);
    }
}
