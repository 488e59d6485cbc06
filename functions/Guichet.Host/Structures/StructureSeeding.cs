namespace Guichet.Host.Structures;

/// <summary>
/// Seeds the registry when the host starts, in the background so that a storage slow to answer does not hold the start
/// back; the first read seeds anyway, so nothing depends on this having finished. No failure here stops the host
/// (storage away, the host stopping meanwhile): it is logged, and the first read seeds.
/// </summary>
internal sealed class StructureSeeding(StructureRegistry registry, ILogger<StructureSeeding> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await registry.SeedAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            // The host is stopping.
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Structures not seeded at start; the first read will.");
        }
    }
}
