namespace Guichet.Host.Structures;

/// <summary>
/// Seeds the registry when the host starts, in the background so that a storage slow to answer does not hold the start
/// back; the first read seeds anyway, so nothing depends on this having finished.
/// </summary>
internal sealed class StructureSeeding(StructureRegistry registry, ILogger<StructureSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await registry.SeedAsync(stoppingToken);
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or OperationCanceledException)
        {
            logger.LogWarning(ex, "Structures not seeded at start; the first read will.");
        }
    }
}
