using Guichet.Domain.Stays;
using Guichet.Host.Stays;
using Microsoft.Extensions.Configuration;

namespace Guichet.Host.Tests.Stays;

/// <summary>The LHSS stay's length and reminder from the app settings: two months and a week unless configured; nonsense refused, named.</summary>
public sealed class StaySettingsTests
{
    [Fact]
    public void WithoutSettings_TwoMonthsAndAWeeksReminder() =>
        Assert.Equal(StayPolicy.Default, StaysRegistration.Policy(Settings()));

    [Fact]
    public void ConfiguredLengthAndReminder_AreTaken() =>
        Assert.Equal(new StayPolicy(3, TimeSpan.FromDays(14)), StaysRegistration.Policy(Settings((StaysRegistration.LhssMonthsSetting, "3"), (StaysRegistration.ReminderBeforeSetting, "14.00:00:00"))));

    [Theory]
    [InlineData("two", null)]
    [InlineData("0", null)]
    [InlineData(null, "soon")]
    [InlineData("1", "40.00:00:00")]
    public void ASettingThatDoesNotRead_OrAReminderLongerThanAStay_IsRefused(string? months, string? reminder)
    {
        var error = Assert.Throws<InvalidOperationException>(() => StaysRegistration.Policy(Settings((StaysRegistration.LhssMonthsSetting, months), (StaysRegistration.ReminderBeforeSetting, reminder))));
        Assert.Contains("Stays__", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
