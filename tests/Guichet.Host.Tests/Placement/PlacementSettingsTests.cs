using Guichet.Domain.Placement;
using Guichet.Host.Placement;
using Microsoft.Extensions.Configuration;

namespace Guichet.Host.Tests.Placement;

/// <summary>The candidacy's delays from the app settings: 15 days and a reminder on day 10 unless configured; nonsense refused, named.</summary>
public sealed class PlacementSettingsTests
{
    [Fact]
    public void WithoutSettings_FifteenDaysAndADayTenReminder() =>
        Assert.Equal(PlacementPolicy.Default, PlacementRegistration.Policy(Settings()));

    [Fact]
    public void AConfiguredReminder_IsTaken() =>
        Assert.Equal(TimeSpan.FromDays(12), PlacementRegistration.Policy(Settings((PlacementRegistration.ReminderAfterSetting, "12.00:00:00"))).ReminderAfter);

    [Theory]
    [InlineData("soon", null)]
    [InlineData("20.00:00:00", null)]
    [InlineData(null, "05.00:00:00")]
    public void AReminderThatDoesNotReadOrComesAfterTheDeadline_IsRefused(string? reminder, string? deadline)
    {
        var error = Assert.Throws<InvalidOperationException>(() => PlacementRegistration.Policy(Settings((PlacementRegistration.ReminderAfterSetting, reminder), (PlacementRegistration.AnswerDeadlineSetting, deadline))));
        Assert.Contains("Placement__", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
