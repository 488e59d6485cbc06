namespace Guichet.Testing;

/// <summary>Secrets for tests only: every test runtime, host and crash host uses them, so they verify each other's chains.</summary>
public static class TestKeys
{
    /// <summary>The history key, as the app setting <c>Guichet__HistoryKey</c> holds it.</summary>
    public const string HistoryText = "guichet-tests-history-chain-key-0123456789abcdef";

    /// <summary>The history key's bytes, for <see cref="Guichet.Runtime.RuntimeOptions.HistoryKey"/>.</summary>
    public static byte[] History => System.Text.Encoding.UTF8.GetBytes(HistoryText);

    /// <summary>The identity hash key, as the app setting <c>Guichet__IdentityHashKey</c> holds it.</summary>
    public const string IdentityHashText = "guichet-tests-identity-hash-key-0123456789abcdef";
}
