using Guichet.Testing;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// The intake tests have an Azurite of their own: the queues of the contract (<c>dossiers-intake</c>,
/// <c>dossiers-intake-rejected</c>, <c>dossier-events</c>) have fixed names, so that no other host of the test run
/// takes their messages; the tests keep apart by prescriber ids of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IntakeGroup : ICollectionFixture<AzuriteFixture>, ICollectionFixture<IntakeHost>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Intake";
}
