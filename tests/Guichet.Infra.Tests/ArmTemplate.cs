using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Guichet.Infra.Tests;

/// <summary>
/// The ARM JSON that <c>bicep build</c> makes of main.bicep, flattened: every module is a nested deployment,
/// and a value passed to a module only shows up there as <c>[parameters('x')]</c>, so each nested template
/// is read with its caller's values put in place of such references (a plain string used inside a larger
/// expression becomes a literal there). Other expressions stay as text.
/// </summary>
internal sealed partial class ArmTemplate
{
    private ArmTemplate(JsonObject root, List<ArmResource> resources)
    {
        Root = root;
        Resources = resources;
    }

    /// <summary>The template as compiled.</summary>
    public JsonObject Root { get; }

    /// <summary>Every resource, nested deployments included, in template order.</summary>
    public IReadOnlyList<ArmResource> Resources { get; }

    /// <summary>The declared (not existing) resources of a type.</summary>
    public IReadOnlyList<ArmResource> OfType(string type) =>
        Resources.Where(r => !r.IsExisting && string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The one declared resource of a type; fails when there is none or several.</summary>
    public ArmResource Single(string type) => OfType(type) switch
    {
        [var one] => one,
        var found => throw new InvalidOperationException($"Expected one {type}, found {found.Count}."),
    };

    /// <summary>Reads a compiled template.</summary>
    public static ArmTemplate Parse(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        var resources = new List<ArmResource>();
        Walk(root, new Dictionary<string, JsonNode?>(), "main", resources);
        return new ArmTemplate(root, resources);
    }

    private static void Walk(JsonObject template, Dictionary<string, JsonNode?> arguments, string module, List<ArmResource> found)
    {
        var parameters = new Dictionary<string, JsonNode?>();
        foreach (var (name, declaration) in template["parameters"]?.AsObject() ?? [])
        {
            parameters[name] = arguments.TryGetValue(name, out var value) ? value : declaration?["defaultValue"]?.DeepClone();
        }

        var variables = (JsonObject)Resolve(template["variables"]?.DeepClone() ?? new JsonObject(), parameters, null);
        foreach (var (symbol, node) in Enumerate(template["resources"]))
        {
            var body = (JsonObject)Resolve(node!.DeepClone(), parameters, variables);
            found.Add(new ArmResource(module, symbol, body, variables));
            if (body["properties"]?["template"] is JsonObject nested)
            {
                var passed = (body["properties"]?["parameters"]?.AsObject() ?? [])
                    .ToDictionary(p => p.Key, p => p.Value?["value"]?.DeepClone());
                Walk(nested, passed, $"{module}/{symbol ?? (string?)body["name"]}", found);
            }
        }
    }

    // Language version 2.0 templates hold resources by symbolic name; older ones in an array.
    private static IEnumerable<(string? Symbol, JsonNode? Node)> Enumerate(JsonNode? resources) => resources switch
    {
        JsonObject bySymbol => bySymbol.Select(p => ((string?)p.Key, p.Value)),
        JsonArray list => list.Select(r => ((string?)null, r)),
        _ => [],
    };

    // Replaces, in place, every string that is exactly a parameter or variable reference. A replaced node is a
    // fresh clone: System.Text.Json refuses to give a node a second parent.
    private static JsonNode Resolve(JsonNode node, Dictionary<string, JsonNode?> parameters, JsonObject? variables)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj.ToList())
                {
                    if (child is not null && Resolve(child, parameters, variables) is var resolved && !ReferenceEquals(resolved, child))
                    {
                        obj[key] = resolved;
                    }
                }

                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item && Resolve(item, parameters, variables) is var resolved && !ReferenceEquals(resolved, item))
                    {
                        array[i] = resolved;
                    }
                }

                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && WholeReference().Match(text) is { Success: true } reference:
                return Source(reference)?.DeepClone() ?? node;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('[') && !text.StartsWith("[[", StringComparison.Ordinal):
                // Inside a larger expression, a reference to a plain string becomes that string's literal.
                var inlined = InnerReference().Replace(text, m => Source(m) is JsonValue v && v.TryGetValue<string>(out var s) && !s.StartsWith('[')
                    ? $"'{s.Replace("'", "''", StringComparison.Ordinal)}'"
                    : m.Value);
                return inlined == text ? node : JsonValue.Create(inlined);
            default:
                return node;
        }

        JsonNode? Source(Match reference)
        {
            var name = reference.Groups["name"].Value;
            return reference.Groups["kind"].Value == "parameters" ? parameters.GetValueOrDefault(name) : variables?[name];
        }
    }

    [GeneratedRegex(@"^\[(?<kind>parameters|variables)\('(?<name>\w+)'\)\]$")]
    private static partial Regex WholeReference();

    [GeneratedRegex(@"(?<kind>parameters|variables)\('(?<name>\w+)'\)")]
    private static partial Regex InnerReference();
}
