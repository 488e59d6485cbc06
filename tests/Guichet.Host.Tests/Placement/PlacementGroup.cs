using Guichet.Testing;

namespace Guichet.Host.Tests.Placement;

/// <summary>
/// The placement tests have an Azurite of their own: the <c>vacancy-matching</c> and <c>placement-alerts</c> queues have
/// fixed names, so that no other host of the test run takes their messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlacementGroup : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Placement";
}
