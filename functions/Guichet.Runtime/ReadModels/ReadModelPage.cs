using Azure.Data.Tables;

namespace Guichet.Runtime.ReadModels;

/// <summary>One page of a read model's rows, and the token that fetches the next (null on the last page).</summary>
/// <param name="Rows">The rows, removed ones skipped.</param>
/// <param name="ContinuationToken">Where the next page starts; null when this is the last.</param>
public sealed record ReadModelPage(IReadOnlyList<TableEntity> Rows, string? ContinuationToken);
