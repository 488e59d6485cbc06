namespace Guichet.Runtime.CrashHost;

/// <summary>Writes "ready" once every hosted service has started (the listeners among them), which the crash tests wait for.</summary>
internal sealed class ReadySignal(IHostApplicationLifetime lifetime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => Console.WriteLine("ready"));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
