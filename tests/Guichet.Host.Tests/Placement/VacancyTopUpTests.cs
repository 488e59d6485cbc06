using Guichet.Host.Placement;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Host.Tests.Placement;

/// <summary>The top-up run: one place whose matching fails is logged and the run goes on to the others.</summary>
public sealed class VacancyTopUpTests
{
    [Fact]
    public async Task AVacancyWhoseMatchingFails_DoesNotKeepTheOthersFromTheirTopUp()
    {
        var matched = new List<string>();

        await VacancyTopUp.EachAsync(
            ["vac-a", "vac-broken", "vac-c"],
            (id, ct) => id == "vac-broken" ? throw new InvalidOperationException("payload too large") : Task.Run(() => matched.Add(id), ct),
            NullLogger.Instance,
            CancellationToken.None);

        Assert.Equal(["vac-a", "vac-c"], matched);
    }

    [Fact]
    public async Task ACancelledRun_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VacancyTopUp.EachAsync(
            ["vac-a", "vac-c"], (_, ct) => Task.FromCanceled(ct), NullLogger.Instance, cancelled.Token));
    }
}
