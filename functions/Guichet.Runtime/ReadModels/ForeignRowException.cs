namespace Guichet.Runtime.ReadModels;

/// <summary>
/// A step wrote a read-model row another instance owns. A row has one owner, the instance that first wrote it: its
/// stamp orders that instance's writes only, so a second writer would overwrite it in no order at all. The write is
/// refused as it stands (given up, in the writer's history), never retried: the decider's keys are the bug.
/// </summary>
internal sealed class ForeignRowException(string table, string partitionKey, string rowKey, string owner, string writer)
    : Exception($"Read-model row {table}/{partitionKey}/{rowKey} belongs to instance '{owner}'; instance '{writer}' may not write it (a row has one owner).");
