using Guichet.Runtime.Steps;

namespace Guichet.Runtime.ReadModels;

/// <summary>The rules for read-model tables and keys, checked when a step is planned, so that a bad one fails its step, not its dispatch.</summary>
internal static class ReadModelNames
{
    /// <summary>The hub (at most 40 characters) prefixes the table, and a table name holds 63: the same rule under every hub.</summary>
    public const int MaxTableLength = 23;

    /// <summary>The runtime's own read model: one row per instance, read by the instance list.</summary>
    public const string InstanceIndex = "InstanceIndex";

    /// <summary>The runtime's read model of the instance list by runtime status (partition: the status; row: type|id).</summary>
    public const string InstanceByStatus = "InstanceByStatus";

    /// <summary>The runtime's key list of the instance list: creation times and ids, written once per instance.</summary>
    public const string InstanceKeys = "InstanceKeys";

    /// <summary>Tables of the runtime that a decider may not write (<c>Timers</c> was the work index's former name).</summary>
    private static readonly string[] Reserved = ["Instances", "Work", "Timers", InstanceIndex, InstanceByStatus, InstanceKeys];

    /// <summary>Whether a read model of that name may be read: 1 to 23 letters or digits, starting with a letter.</summary>
    public static bool IsValidTable(string? table) =>
        table is { Length: >= 1 and <= MaxTableLength } && char.IsAsciiLetter(table[0]) && table.All(char.IsAsciiLetterOrDigit);

    /// <summary>Throws naming the rule unless a decider may write the table.</summary>
    public static string ValidateWritable(string? table)
    {
        if (!IsValidTable(table))
        {
            throw new EffectException($"'{table}' is not a valid read-model table: 1 to {MaxTableLength} letters or digits, starting with a letter.");
        }

        if (Reserved.Contains(table, StringComparer.OrdinalIgnoreCase))
        {
            throw new EffectException($"Read-model table '{table}' is reserved for the runtime.");
        }

        return table!;
    }

    /// <summary>Throws naming the rule unless the key fits a table key: 1 to 512 characters, none of / \ # ? or control characters.</summary>
    public static string ValidateKey(string? key, string what)
    {
        if (key is not { Length: >= 1 and <= 512 } || key.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new EffectException($"'{key}' is not a valid read-model {what}: 1 to 512 characters, none of / \\ # ? or control characters.");
        }

        return key;
    }
}
