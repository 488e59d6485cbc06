namespace Guichet.Host.Tests;

/// <summary>One API route, a request that reaches it, and the roles allowed on it.</summary>
public sealed record ApiRoute(string Method, string Template, string Path, IReadOnlyList<string> Allowed);
