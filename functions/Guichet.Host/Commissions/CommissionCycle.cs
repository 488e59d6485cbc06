using Guichet.Domain;
using Guichet.Runtime;
using Guichet.Runtime.Schedules;

namespace Guichet.Host.Commissions;

/// <summary>
/// The commission cycles (DESIGN §1: monthly admissibility commissions for ACT, daily handling for LHSS and LAM), as
/// timer triggers read in the timers' time zone (Europe/Paris): each firing opens the device's session when the
/// device is open, with the firing's occurrence as the sitting and cut-off. <c>Timers:&lt;Name&gt;:Schedule</c>
/// overrides a default schedule.
/// </summary>
internal static class CommissionCycle
{
    /// <summary>ACT: the first Tuesday of the month at 09:00.</summary>
    public const string Monthly = "0 0 9 * * TUE#1";

    /// <summary>LHSS and LAM: every day at 09:00.</summary>
    public const string Daily = "0 0 9 * * *";

    /// <summary>The timer trigger's handler for <paramref name="device"/>.</summary>
    public static Func<IServiceProvider, TimerFiring, CancellationToken, Task> Opens(Device device) => (services, firing, cancellationToken) =>
        services.GetRequiredService<SessionOpener>().OpenAsync(device, firing.Occurrence, evenIfEmpty: false, new RequestContext("timer:" + firing.Name), cancellationToken);
}
