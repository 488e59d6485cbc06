namespace Guichet.Host.Security;

/// <summary>What a development token says about its bearer.</summary>
/// <param name="Name">The display name (<c>name</c>).</param>
/// <param name="Subject">The subject (<c>sub</c>).</param>
/// <param name="Roles">The application roles (<c>roles</c>).</param>
/// <param name="Org">The organisation (<c>org</c>), for prescribers and structures.</param>
/// <param name="Lifetime">How long the token is valid from now.</param>
public sealed record DevelopmentToken(string Name, string Subject, IReadOnlyList<string> Roles, string? Org, TimeSpan Lifetime);
