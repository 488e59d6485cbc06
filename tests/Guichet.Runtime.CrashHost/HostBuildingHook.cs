using System.Diagnostics;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// Adds services to a host that an entry point of its own builds, as WebApplicationFactory does: the hosting library
/// announces "HostBuilding" on its diagnostic listener with a host builder whose services are applied after the
/// entry point's own, so a registration made here replaces the app's.
/// </summary>
internal sealed class HostBuildingHook : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private readonly Action<IServiceCollection> _configure;
    private readonly List<IDisposable> _subscriptions = [];

    private HostBuildingHook(Action<IServiceCollection> configure) => _configure = configure;

    public static HostBuildingHook Install(Action<IServiceCollection> configure)
    {
        var hook = new HostBuildingHook(configure);
        hook._subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(hook));
        return hook;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == "Microsoft.Extensions.Hosting")
        {
            lock (_subscriptions)
            {
                _subscriptions.Add(value.Subscribe(this));
            }
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (value is { Key: "HostBuilding", Value: IHostBuilder builder })
        {
            builder.ConfigureServices((_, services) => _configure(services));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }

    public void Dispose()
    {
        lock (_subscriptions)
        {
            _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
