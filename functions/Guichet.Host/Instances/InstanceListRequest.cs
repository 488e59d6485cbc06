using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Instances;

/// <summary>The filters of <c>GET /api/instances</c>, as in the Durable Functions HTTP API.</summary>
public sealed record InstanceListRequest
{
    /// <summary>The request and response header that carries the continuation token.</summary>
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>Runtime statuses, comma separated (<c>Running,Suspended</c>).</summary>
    [FromQuery(Name = "runtimeStatus")]
    public string? RuntimeStatus { get; init; }

    /// <summary>A workflow type.</summary>
    [FromQuery(Name = "workflowType")]
    public string? WorkflowType { get; init; }

    /// <summary>Created at or after (ISO 8601).</summary>
    [FromQuery(Name = "createdTimeFrom")]
    public DateTimeOffset? CreatedTimeFrom { get; init; }

    /// <summary>Created before (ISO 8601).</summary>
    [FromQuery(Name = "createdTimeTo")]
    public DateTimeOffset? CreatedTimeTo { get; init; }

    /// <summary>Ids starting with this.</summary>
    [FromQuery(Name = "instanceIdPrefix")]
    public string? InstanceIdPrefix { get; init; }

    /// <summary>Page size, 1 to 1000 (default 100); a page may hold fewer even when more follow.</summary>
    [FromQuery(Name = "top")]
    public int? Top { get; init; }

    /// <summary>The token of the previous page's response, to get the next one.</summary>
    [FromHeader(Name = ContinuationHeader)]
    public string? ContinuationToken { get; init; }
}
