using System.Text.Json.Nodes;

namespace Guichet.Infra.Tests;

/// <summary>
/// One resource of the compiled template, wherever it sits among the nested module deployments, with the
/// module's parameters replaced by the values its caller passes (or their defaults).
/// </summary>
/// <param name="Module">The module's path from main.bicep, like <c>main/host</c>.</param>
/// <param name="Symbol">The Bicep symbolic name, when the template has symbolic names.</param>
/// <param name="Body">The resource, parameters resolved.</param>
/// <param name="Variables">The variables of the template declaring it.</param>
internal sealed record ArmResource(string Module, string? Symbol, JsonObject Body, JsonObject Variables)
{
    /// <summary>The resource type, like <c>Microsoft.App/containerApps</c>.</summary>
    public string Type => (string)Body["type"]!;

    /// <summary>Whether this is a reference to an existing resource rather than a declaration.</summary>
    public bool IsExisting => Body["existing"]?.GetValue<bool>() == true;

    /// <summary>The node at a dotted path (<c>properties.template.scale.minReplicas</c>), or null.</summary>
    public JsonNode? At(string path) =>
        path.Split('.').Aggregate((JsonNode?)Body, (node, key) => node is JsonObject o ? o[key] : null);

    /// <summary>The string at a dotted path; fails when absent.</summary>
    public string Text(string path) => At(path)?.GetValue<string>() ?? throw new KeyNotFoundException($"{Type} ({Module}) has no {path}.");

    /// <inheritdoc/>
    public override string ToString() => $"{Type} {Symbol} in {Module}";
}
