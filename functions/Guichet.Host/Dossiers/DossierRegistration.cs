using Guichet.Deciders;
using Guichet.Domain.Dossiers;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Guichet.Host.Dossiers;

/// <summary>The dossier's services in the host: its workflow and the reader of intake rejections.</summary>
public static class DossierRegistration
{
    /// <summary>
    /// Adds the dossier workflow (<see cref="DossierDecider"/>, once, whoever else adds it the same way) and the default
    /// <see cref="IIntakeRejectionReader"/> (the table intake writes) unless one is registered.
    /// </summary>
    public static IServiceCollection AddDossiers(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IDecider, DossierDecider>());
        services.TryAddSingleton<IIntakeRejectionReader, IntakeRejectionTable>();
        return services;
    }
}
