namespace Guichet.Testing;

/// <summary>Names no other test uses, so tests share one Azurite without meeting.</summary>
public static class UniqueNames
{
    /// <summary>A task hub name: letters and digits, starting with a letter.</summary>
    public static string Hub() => "T" + Guid.NewGuid().ToString("N")[..16];

    /// <summary>A queue name: lowercase letters, digits and hyphens.</summary>
    public static string Queue(string prefix = "q") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(63, prefix.Length + 33)];
}
