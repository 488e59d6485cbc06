using Guichet.Domain.Dossiers;
using Guichet.Host.Dossiers;
using Microsoft.Extensions.Configuration;

namespace Guichet.Host.Tests.Dossiers;

/// <summary>The dossier's delays from the app settings: the defaults unless configured; nonsense refused, named.</summary>
public sealed class DossierSettingsTests
{
    [Fact]
    public void WithoutSettings_TheDefaults() =>
        Assert.Equal(DossierPolicy.Default, DossierRegistration.Policy(Settings()));

    [Fact]
    public void AConfiguredConfirmationPeriodAndGrace_AreTaken()
    {
        var policy = DossierRegistration.Policy(Settings((DossierRegistration.ConfirmationMonthsSetting, "3"), (DossierRegistration.ConfirmationGraceMonthsSetting, "2"), (DossierRegistration.InformationDeadlineSetting, "20.00:00:00")));

        Assert.Equal((3, 1, 2, TimeSpan.FromDays(20)), (policy.ConfirmationMonths, policy.ConfirmationReminderMonths, policy.ConfirmationGraceMonths, policy.InformationDeadline));
    }

    [Theory]
    [InlineData("six", null)]
    [InlineData("1", null)]
    [InlineData("-6", null)]
    [InlineData("6.5", null)]
    [InlineData(null, "0")]
    [InlineData(null, "soon")]
    public void AConfirmationSettingThatDoesNotRead_IsRefused_Named(string? months, string? grace)
    {
        var error = Assert.Throws<InvalidOperationException>(() => DossierRegistration.Policy(Settings((DossierRegistration.ConfirmationMonthsSetting, months), (DossierRegistration.ConfirmationGraceMonthsSetting, grace))));

        Assert.Contains(months is null ? "Dossiers__ConfirmationGraceMonths" : "Dossiers__ConfirmationMonths", error.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Settings(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, v.Value))).Build();
}
