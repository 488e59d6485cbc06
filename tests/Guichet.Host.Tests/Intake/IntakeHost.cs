using Guichet.Testing;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// The app the intake tests share, on the collection's Azurite and the real clock (its queue listener runs): ACT open
/// since 2000, LAM opening in 2100, LHSS not configured.
/// </summary>
public sealed class IntakeHost : IAsyncLifetime
{
    private readonly Lock _gate = new();
    private GuichetApp? _app;

    /// <summary>The opening settings of the devices, as every intake test app has them.</summary>
    public static Dictionary<string, string?> DeviceSettings() => new()
    {
        ["Devices:ACT:OpenFrom"] = "2000-01-01",
        ["Devices:LAM:OpenFrom"] = "2100-01-01",
    };

    public GuichetApp Get(AzuriteFixture azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        lock (_gate)
        {
            if (_app is null)
            {
                var app = new GuichetApp(azurite.Azurite, DeviceSettings());
                _ = app.Server;
                _app = app;
            }

            return _app;
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
