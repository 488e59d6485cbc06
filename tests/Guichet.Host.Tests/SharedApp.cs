using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary>One app on the collection's Azurite, started on first use, for tests that create nothing shared.</summary>
public sealed class SharedApp : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private GuichetApp? _app;

    public Task<GuichetApp> GetAsync(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        lock (_gate)
        {
            if (_app is null)
            {
                var app = new GuichetApp(azurite.Azurite);
                _ = app.Server;
                _app = app;
            }

            return Task.FromResult(_app);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
