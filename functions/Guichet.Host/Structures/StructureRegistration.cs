namespace Guichet.Host.Structures;

/// <summary>Wires the registry of structures: the table, seeded at start.</summary>
public static class StructureRegistration
{
    /// <summary>Adds the registry and its seeding when the host starts.</summary>
    public static IServiceCollection AddStructures(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<StructureRegistry>();
        services.AddHostedService<StructureSeeding>();
        return services;
    }
}
