using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Readings;

/// <summary>The parameters of <c>GET /api/readings/pending</c>.</summary>
public sealed record PendingReadingsRequest
{
    /// <summary>Which reading: <c>medical</c> or <c>social</c> (required).</summary>
    [FromQuery(Name = "kind")]
    public string? Kind { get; init; }

    /// <summary>Page size, 1 to 1000 (default 100); a page may hold fewer even when more follow.</summary>
    [FromQuery(Name = "top")]
    public int? Top { get; init; }

    /// <summary>The token of the previous page's response, to get the next one.</summary>
    [FromHeader(Name = DossierRoutes.ContinuationHeader)]
    public string? ContinuationToken { get; init; }
}
