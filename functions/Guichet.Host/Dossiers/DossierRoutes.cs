namespace Guichet.Host.Dossiers;

/// <summary>What the dossier routes share: their route values, the workflow they act on, and where a dossier is read.</summary>
internal static class DossierRoutes
{
    /// <summary>The route value of the dossier's id.</summary>
    public const string Id = "id";

    /// <summary>The route value of the other dossier of a possible duplicate.</summary>
    public const string OtherId = "otherId";

    /// <summary>The request header whose value becomes the event's de-duplication id, so that a retried command is applied once.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>The request and response header that carries a page's continuation token, as for the instance list.</summary>
    public const string ContinuationHeader = "x-ms-continuation-token";

    /// <summary>The longest free text a command carries (a reason, an answer, a note).</summary>
    public const int MaxTextLength = 4000;

    /// <summary>The absolute address of a dossier, for <c>Location</c>.</summary>
    public static string Location(HttpRequest request, string dossierId) =>
        $"{request.Scheme}://{request.Host}{request.PathBase}/api/dossiers/{Uri.EscapeDataString(dossierId)}";
}
