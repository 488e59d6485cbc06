using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>The host tests share one Azurite, and one app for the tests that only read.</summary>
[CollectionDefinition(Name)]
public sealed class HostGroup : ICollectionFixture<AzuriteFixture>, ICollectionFixture<SharedApp>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Host";
}
