namespace Guichet.Runtime.Schedules;

/// <summary>The rule for timer names: they name a status blob and a configuration section.</summary>
internal static class TimerNames
{
    /// <summary>Throws naming <paramref name="parameter"/> unless the name is 1 to 64 ASCII letters and digits, starting with a letter.</summary>
    public static void Validate(string? name, string parameter)
    {
        if (name is not { Length: >= 1 and <= 64 } || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"Timer name '{name}' must be 1 to 64 ASCII letters or digits, starting with a letter.", parameter);
        }
    }
}
