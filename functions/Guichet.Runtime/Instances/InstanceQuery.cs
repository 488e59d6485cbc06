namespace Guichet.Runtime.Instances;

/// <summary>Which instances to list; every criterion left null matches all.</summary>
/// <param name="RuntimeStatuses">Any of these runtime statuses.</param>
/// <param name="WorkflowType">This workflow type.</param>
/// <param name="CreatedFrom">Created at or after.</param>
/// <param name="CreatedTo">Created before.</param>
/// <param name="InstanceIdPrefix">Ids starting with this.</param>
public sealed record InstanceQuery(
    IReadOnlyCollection<RuntimeStatus>? RuntimeStatuses = null,
    string? WorkflowType = null,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    string? InstanceIdPrefix = null);

/// <summary>One page of a query, and the token that fetches the next (null on the last page).</summary>
public sealed record InstancePage(IReadOnlyList<InstanceStatus> Instances, string? ContinuationToken);
