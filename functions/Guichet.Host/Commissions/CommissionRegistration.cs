using Guichet.Deciders;
using Guichet.Domain.Commissions;

namespace Guichet.Host.Commissions;

/// <summary>Wires the admissibility commissions: the session workflow, the devices' openings and what opens a session.</summary>
public static class CommissionRegistration
{
    /// <summary>
    /// Adds the commission-session workflow (<see cref="CommissionSessionDecider"/>), the override cap (<c>Commissions:OverrideCap</c>) and the session
    /// opener the commission timer triggers and <c>POST /api/commissions</c> call.
    /// </summary>
    public static IServiceCollection AddCommissions(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IDecider, CommissionSessionDecider>();
        services.AddSingleton(sp => CommissionSettings.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<SessionOpener>();
        return services;
    }
}
