using Guichet.Domain;
using Guichet.Host.Configuration;
using Guichet.Host.Intake;
using Guichet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>The intake's settings: devices open by configuration from a date, and the identity hash key required outside Development.</summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeSettingsTests(AzuriteFixture azurite)
{
    [Fact(Timeout = 60_000)]
    public async Task DeviceOpeningLater_IsRejectedTheDayBefore_AndTakenFromItsFirstDay_InTheAppTimeZone()
    {
        // 23:30 UTC on the 31st of December 2099 is already the 1st of January 2100 in Paris.
        var clock = new FakeTimeProvider(new DateTimeOffset(2099, 12, 31, 22, 30, 0, TimeSpan.Zero));
        var settings = IntakeHost.DeviceSettings();
        settings["Timers:TimeZone"] = "Europe/Paris";
        await using var app = new GuichetApp(azurite.Azurite, settings, services: s => s.AddSingleton<TimeProvider>(clock));
        var probe = new IntakeProbe(app, azurite);
        var prescriber = NewPrescriber();
        var request = Request(prescriber, "LAM-1", Person(UniqueName(), "Karim", "1975-06-14"), device: "LAM").ToJsonString();

        await probe.HandleAsync(request);
        clock.Advance(TimeSpan.FromHours(1));
        await probe.HandleAsync(request);

        var rejection = Assert.Single(await probe.RejectedAsync(prescriber));
        Assert.Contains("qu'à partir du 01/01/2100", rejection.GetProperty("reasons")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.NotNull(await app.Runtime.GetStatusAsync(Domain.Dossiers.DossierIds.For(new Domain.Intake.IntakeKey(prescriber, "LAM-1"))));
    }

    [Fact]
    public void IdentityHashKey_MissingOutsideDevelopment_TheHostDoesNotStart_NamingTheSetting()
    {
        using var app = new GuichetApp(azurite.Azurite, new Dictionary<string, string?> { ["Guichet:IdentityHashKey"] = "" }, environment: "Production");

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Guichet__IdentityHashKey", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void IdentityHashKey_MissingInDevelopment_IsTheDevelopmentKey_AndTooShortIsRefused()
    {
        var none = new ConfigurationBuilder().Build();
        var tooShort = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>(IntakeSettings.IdentityHashKeySetting, "short")]).Build();

        Assert.Equal(IntakeSettings.DevelopmentIdentityHashKey, System.Text.Encoding.UTF8.GetString(IntakeSettings.Read(none, isDevelopment: true).IdentityHashKey));
        Assert.Throws<InvalidOperationException>(() => IntakeSettings.Read(none, isDevelopment: false));
        Assert.Throws<InvalidOperationException>(() => IntakeSettings.Read(tooShort, isDevelopment: true));
    }

    [Theory]
    [InlineData(null, 30)]
    [InlineData("7", 7)]
    [InlineData("90", 90)]
    [InlineData("0", null)]
    [InlineData("91", null)]
    [InlineData("trente", null)]
    public void RejectedMessageDays_DefaultsToThirty_AndIsAWholeNumberOfDaysUpToNinety(string? configured, int? days)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create(IntakeSettings.RejectedMessageDaysSetting, configured)]).Build();

        if (days is { } expected)
        {
            Assert.Equal(TimeSpan.FromDays(expected), IntakeSettings.Read(configuration, isDevelopment: true).RejectedMessageRetention);
        }
        else
        {
            Assert.Contains("Intake__RejectedMessageDays", Assert.Throws<InvalidOperationException>(() => IntakeSettings.Read(configuration, isDevelopment: true)).Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void DeviceOpenings_AbsentMeansNotOpen_BeforeTheDateSaysFromWhen_BadDateIsRefused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Devices:ACT:OpenFrom"] = "2026-01-01",
            ["Devices:LHSS:OpenFrom"] = "",
            ["Devices:LAM:OpenFrom"] = "2027-03-01",
        }).Build();
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

        var openings = new DeviceOpenings(configuration, paris);

        var now = new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero);
        Assert.Null(openings.Refusal(Device.Act, now));
        Assert.Contains("pas encore ouvert", openings.Refusal(Device.Lhss, now), StringComparison.Ordinal);
        Assert.Contains("à partir du 01/03/2027", openings.Refusal(Device.Lam, now), StringComparison.Ordinal);
        var bad = new ConfigurationBuilder().AddInMemoryCollection([KeyValuePair.Create<string, string?>("Devices:LAM:OpenFrom", "01/01/2027")]).Build();
        Assert.Contains("Devices__LAM__OpenFrom", Assert.Throws<InvalidOperationException>(() => new DeviceOpenings(bad, paris)).Message, StringComparison.Ordinal);
    }
}
