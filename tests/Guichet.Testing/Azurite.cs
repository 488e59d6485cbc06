using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Guichet.Runtime.Storage;

namespace Guichet.Testing;

/// <summary>
/// A real Azurite, the one installed by npm in the repository's node_modules, started in memory on free
/// ports of its own so that it never meets another emulator on 10000–10002.
/// </summary>
public sealed class Azurite : IAsyncDisposable
{
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;

    private Azurite(Process process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
            $"AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
    }

    /// <summary>The connection string of this Azurite.</summary>
    public string ConnectionString { get; }

    /// <summary>The processor time the emulator has used so far: a benchmark reads it to tell whether the emulator bounds it.</summary>
    public TimeSpan ProcessorTime
    {
        get
        {
            _process.Refresh();
            return _process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Service clients on this Azurite that refuse what Azure Storage would refuse (<see cref="AzureRules.AzureStorageRules"/>),
    /// with an optional extra policy (a request counter, say) on every client.
    /// </summary>
    public StorageClients Clients(Azure.Core.Pipeline.HttpPipelinePolicy? policy = null) => AzureRules.RuledClients.For(ConnectionString, policy);

    /// <summary>
    /// Starts Azurite and waits until its three services accept connections. A free port may be taken by another
    /// process between the moment it is found and Azurite's bind (test runs start emulators side by side): Azurite
    /// then exits at once, and is started again on other ports.
    /// </summary>
    public static async Task<Azurite> StartAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnFreePortsAsync();
            }
            catch (AzuriteExitedException) when (attempt < 4)
            {
                // Its ports were taken meanwhile: others are drawn.
            }
        }
    }

    private static async Task<Azurite> StartOnFreePortsAsync()
    {
        var executable = FindExecutable();
        var (blob, queue, table) = (FreePort(), FreePort(), FreePort());
        var info = new ProcessStartInfo(executable)
        {
            ArgumentList =
            {
                "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableProductStyleUrl", "--disableTelemetry",
                "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--tableHost", "127.0.0.1", "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new Azurite(process, blob, queue, table);
        try
        {
            await WaitForPortsAsync(process, [blob, queue, table]);
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }

        return azurite;
    }

    /// <summary>Stops Azurite and its child processes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    // Installed by 'npm ci' on first use when missing (a benchmark run needs no setup step).
    private static string FindExecutable() => NodeTools.Repository.Executable("azurite");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortsAsync(Process process, int[] ports)
    {
        var deadline = Stopwatch.StartNew();
        foreach (var port in ports)
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new AzuriteExitedException($"Azurite exited with code {process.ExitCode} while starting.");
                }

                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), TimeProvider.System);
                }
            }
        }
    }
}

/// <summary>Azurite stopped before its services accepted connections (a port taken meanwhile, most often).</summary>
public sealed class AzuriteExitedException(string message) : InvalidOperationException(message);
