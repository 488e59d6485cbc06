using Guichet.Testing;

namespace Guichet.Host.Tests.EndToEnd;

/// <summary>
/// The end-to-end tests have an Azurite of their own: the contract's queues have fixed names, so that no other host
/// of the test run takes their messages.
/// </summary>
[CollectionDefinition(Name)]
public sealed class EndToEndGroup : ICollectionFixture<AzuriteFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "EndToEnd";
}
