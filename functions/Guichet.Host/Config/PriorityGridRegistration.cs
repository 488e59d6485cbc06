namespace Guichet.Host.Config;

/// <summary>Wires the versioned priority grid.</summary>
public static class PriorityGridRegistration
{
    /// <summary>Adds the store of the grid's versions (<c>{hub}PriorityGrids</c>), which every ranking reads.</summary>
    public static IServiceCollection AddPriorityGrid(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<PriorityGridStore>();
        return services;
    }
}
