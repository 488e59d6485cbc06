using Guichet.Domain;
using Guichet.Host.Commissions;
using Guichet.Host.Configuration;
using Microsoft.Extensions.Configuration;

namespace Guichet.Host.Tests.Commissions;

/// <summary>The commissions' settings: the devices' first days in Paris time, the override cap and the agenda's size, each checked naming the setting.</summary>
public sealed class CommissionSettingsTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    private static IConfiguration Settings(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void ADevice_IsOpenFromMidnightInParis_OfItsFirstDay_AndClosedWithoutADate()
    {
        var openings = new DeviceOpenings(Settings(("Devices:LHSS:OpenFrom", "2026-10-20"), ("Devices:LAM:OpenFrom", "")), Paris);

        Assert.False(openings.IsOpenAt(Device.Lhss, new DateTimeOffset(2026, 10, 19, 21, 59, 0, TimeSpan.Zero)));
        Assert.True(openings.IsOpenAt(Device.Lhss, new DateTimeOffset(2026, 10, 19, 22, 0, 0, TimeSpan.Zero)));
        Assert.False(openings.IsOpenAt(Device.Lam, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        Assert.False(openings.IsOpenAt(Device.Act, new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void AnOpeningThatIsNotADate_Fails_NamingTheSetting()
    {
        var failure = Assert.Throws<InvalidOperationException>(() => new DeviceOpenings(Settings(("Devices:LAM:OpenFrom", "01/01/2027")), Paris));

        Assert.Contains("Devices__LAM__OpenFrom", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheCapAndTheAgendasSize_HaveDefaults_AndARange()
    {
        Assert.Equal(new CommissionSettings(0.10, CommissionSettings.AgendaLimit), CommissionSettings.From(Settings()));
        Assert.Equal(new CommissionSettings(0.2, 30), CommissionSettings.From(Settings(("Commissions:OverrideCap", "0.2"), ("Commissions:MaxAgenda", "30"))));
        Assert.Contains(CommissionSettings.OverrideCapKey, Assert.Throws<InvalidOperationException>(() => CommissionSettings.From(Settings(("Commissions:OverrideCap", "1.5")))).Message, StringComparison.Ordinal);
        Assert.Contains(CommissionSettings.MaxAgendaKey, Assert.Throws<InvalidOperationException>(() => CommissionSettings.From(Settings(("Commissions:MaxAgenda", "501")))).Message, StringComparison.Ordinal);
    }
}
