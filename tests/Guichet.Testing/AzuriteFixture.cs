using Xunit;

namespace Guichet.Testing;

/// <summary>One Azurite for a test collection; tests keep apart by using unique hub, queue and table names.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private Azurite? _azurite;

    /// <summary>The running Azurite.</summary>
    public Azurite Azurite => _azurite ?? throw new InvalidOperationException("Azurite has not started.");

    /// <inheritdoc />
    public async Task InitializeAsync() => _azurite = await Azurite.StartAsync();

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
