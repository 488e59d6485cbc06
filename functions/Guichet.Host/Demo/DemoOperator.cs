namespace Guichet.Host.Demo;

/// <summary>An operator named in seed 003, with what it does for the window.</summary>
/// <param name="Id">Its id, as the <c>org</c> claim of its users carries it.</param>
/// <param name="Name">Its name.</param>
/// <param name="Role">What it does for the window, in French as the seed says it.</param>
/// <param name="Structures">The structures of its own the seed names ("Maison Chemin Vert: 45 ACT places, Paris 11e").</param>
public sealed record DemoOperator(string Id, string Name, string Role, IReadOnlyList<string> Structures);
