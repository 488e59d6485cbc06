namespace Guichet.Runtime;

/// <summary>The Azure Storage rule for queue names.</summary>
public static class QueueNames
{
    /// <summary>3 to 63 lowercase letters, digits and hyphens, starting and ending with a letter or digit, no double hyphen.</summary>
    public static bool IsValid(string? name) =>
        name is { Length: >= 3 and <= 63 }
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
        && name[0] != '-' && name[^1] != '-' && !name.Contains("--", StringComparison.Ordinal);

    /// <summary>The dead-letter queue of a queue.</summary>
    public static string Poison(string queue) => queue + "-poison";
}
