namespace Guichet.Infra.Tests;

/// <summary>
/// Reads the YAML subset azure.yaml uses: nested mappings by indentation, scalar values, comments. Anything
/// else (lists, anchors, multi-line scalars) is refused, so that the file stays readable by this test.
/// </summary>
internal static class SimpleYaml
{
    /// <summary>The document as nested dictionaries whose leaves are strings.</summary>
    public static Dictionary<string, object> Parse(string text)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        var stack = new Stack<(int Indent, Dictionary<string, object> Map)>();
        stack.Push((-1, root));
        foreach (var (raw, number) in text.Split('\n').Select((line, i) => (line.TrimEnd('\r'), i + 1)))
        {
            var content = raw.TrimStart();
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            var indent = raw.Length - content.Length;
            if (content.StartsWith('-') || content.Contains('\t', StringComparison.Ordinal) || content.EndsWith('|') || content.EndsWith('>') || content.StartsWith('&') || content.StartsWith('*'))
            {
                throw new NotSupportedException($"azure.yaml line {number}: only mappings and scalars are read here: '{content}'.");
            }

            var colon = content.IndexOf(": ", StringComparison.Ordinal) is >= 0 and var at ? at : content.EndsWith(':') ? content.Length - 1 : throw new FormatException($"azure.yaml line {number}: expected 'key: value'.");
            var key = content[..colon].Trim();
            var value = Unquote(content[(colon + 1)..].Trim());
            while (stack.Peek().Indent >= indent)
            {
                stack.Pop();
            }

            var parent = stack.Peek().Map;
            if (!parent.TryAdd(key, value.Length == 0 ? new Dictionary<string, object>(StringComparer.Ordinal) : value))
            {
                throw new FormatException($"azure.yaml line {number}: duplicate key '{key}'.");
            }

            if (value.Length == 0)
            {
                stack.Push((indent, (Dictionary<string, object>)parent[key]));
            }
        }

        return root;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' || value[0] == '\'') && value[^1] == value[0] ? value[1..^1] : value;
}
