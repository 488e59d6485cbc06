using Guichet.Host.Placement;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guichet.Host.Tests.Placement;

/// <summary>The top-up run: one device whose wave fails is logged and the run goes on to the others.</summary>
public sealed class VacancyTopUpTests
{
    [Fact]
    public async Task ADeviceWhoseWaveFails_DoesNotKeepTheOthersFromTheirTopUp()
    {
        var matched = new List<string>();

        await VacancyTopUp.EachAsync(
            ["ACT", "LHSS-broken", "LAM"],
            (id, ct) => id == "LHSS-broken" ? throw new InvalidOperationException("payload too large") : Task.Run(() => matched.Add(id), ct),
            NullLogger.Instance,
            CancellationToken.None);

        Assert.Equal(["ACT", "LAM"], matched);
    }

    [Fact]
    public async Task ACancelledRun_Stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => VacancyTopUp.EachAsync(
            ["ACT", "LAM"], (_, ct) => Task.FromCanceled(ct), NullLogger.Instance, cancelled.Token));
    }
}
