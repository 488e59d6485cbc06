using Guichet.Testing;

namespace Guichet.Runtime.Tests;

/// <summary>The tests that talk to storage share one Azurite.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteGroup : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Azurite";
}
