using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Instances;

/// <summary>Turns the list filters into a runtime query, or a 400 that names the filter at fault.</summary>
internal static class InstanceListQuery
{
    public const int DefaultTop = 100;
    public const int MaxTop = 1000;

    public static ValidationProblem? Check(InstanceListRequest request, out InstanceQuery query)
    {
        query = new InstanceQuery();
        var statuses = new List<RuntimeStatus>();
        foreach (var part in (request.RuntimeStatus ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!part.All(char.IsAsciiLetter) || !Enum.TryParse<RuntimeStatus>(part, ignoreCase: true, out var status))
            {
                return InstanceProblems.Invalid("runtimeStatus", $"Statut inconnu « {part} » : {string.Join(", ", Enum.GetNames<RuntimeStatus>())}.");
            }

            statuses.Add(status);
        }

        if (request.Top is < 1 or > MaxTop)
        {
            return InstanceProblems.Invalid("top", $"top doit être compris entre 1 et {MaxTop}.");
        }

        if (request.CreatedTimeFrom is { } from && request.CreatedTimeTo is { } to && from >= to)
        {
            return InstanceProblems.Invalid("createdTimeTo", "createdTimeTo doit être postérieur à createdTimeFrom.");
        }

        if (!string.IsNullOrEmpty(request.InstanceIdPrefix) && !InstanceIds.IsValid(request.InstanceIdPrefix))
        {
            return InstanceProblems.Invalid("instanceIdPrefix", InstanceProblems.InvalidId("instanceIdPrefix", request.InstanceIdPrefix));
        }

        query = new InstanceQuery(
            statuses.Count > 0 ? statuses.Distinct().ToList() : null,
            string.IsNullOrWhiteSpace(request.WorkflowType) ? null : request.WorkflowType,
            request.CreatedTimeFrom,
            request.CreatedTimeTo,
            string.IsNullOrEmpty(request.InstanceIdPrefix) ? null : request.InstanceIdPrefix);
        return null;
    }
}
