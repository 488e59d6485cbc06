using System.Globalization;
using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Instances;

/// <summary>
/// Which page of <c>GET /api/instances/{instanceId}/history</c>: from a sequence, up to <c>top</c> entries. The next
/// page's start comes back in <c>x-ms-continuation-token</c> (send it back as is) and as a <c>Link</c> with <c>rel="next"</c>.
/// </summary>
public sealed record HistoryPageRequest
{
    /// <summary>The sequence of the first entry wanted, from 1 (default 1).</summary>
    [FromQuery(Name = "from")]
    public long? From { get; init; }

    /// <summary>Page size, 1 to 1000 (default 100).</summary>
    [FromQuery(Name = "top")]
    public int? Top { get; init; }

    /// <summary>The token of the previous page's response; when given, the page starts there.</summary>
    [FromHeader(Name = InstanceListRequest.ContinuationHeader)]
    public string? ContinuationToken { get; init; }

    /// <summary>Where the page starts and how long it is, or a 400 that names the value at fault.</summary>
    internal ValidationProblem? Check(out long from, out int top)
    {
        from = From ?? 1;
        top = Top ?? HistoryPage.DefaultSize;
        if (ContinuationToken is { } token)
        {
            if (!long.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out from) || from < 1)
            {
                return InstanceProblems.Invalid(InstanceListRequest.ContinuationHeader, "Le jeton de continuation n'est pas valide : reprenez l'historique depuis le début.");
            }
        }
        else if (from < 1)
        {
            return InstanceProblems.Invalid("from", "from doit être un numéro d'entrée, à partir de 1.");
        }

        return top is < 1 or > HistoryPage.MaxSize
            ? InstanceProblems.Invalid("top", $"top doit être compris entre 1 et {HistoryPage.MaxSize}.")
            : null;
    }
}
