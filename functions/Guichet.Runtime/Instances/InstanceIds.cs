namespace Guichet.Runtime.Instances;

/// <summary>
/// The rule for instance ids, timer names and event names: they become table keys, so only letters, digits
/// and <c>- _ . : @ +</c> are allowed (Tables forbid <c>/ \ # ?</c> and control characters in keys; <c>|</c>
/// separates key parts), 1 to 100 characters.
/// </summary>
public static class InstanceIds
{
    /// <summary>The longest id accepted.</summary>
    public const int MaxLength = 100;

    /// <summary>Whether <paramref name="value"/> follows the rule.</summary>
    public static bool IsValid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= MaxLength && value.All(IsAllowed);

    /// <summary>Throws an <see cref="ArgumentException"/> naming the parameter and the rule when the value breaks it.</summary>
    public static void Validate(string? value, string paramName)
    {
        if (!IsValid(value))
        {
            throw new ArgumentException(
                $"'{value}' is not a valid {paramName}: use 1 to {MaxLength} letters, digits or '-', '_', '.', ':', '@', '+'.",
                paramName);
        }
    }

    /// <summary>Whether a character is allowed in ids: safe in table keys, logs and table properties.</summary>
    public static bool IsAllowed(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':' or '@' or '+';
}
