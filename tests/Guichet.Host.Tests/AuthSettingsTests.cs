using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Guichet.Host.Tests;

/// <summary>Settings that would leave the API open or unusable stop the app at start.</summary>
[Collection(HostGroup.Name)]
public sealed class AuthSettingsTests(AzuriteFixture azurite)
{
    private static ValidateOptionsResult Validate(AuthSettings settings, params (string Key, string Value)[] environment)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value)))
            .Build();
        return new AuthSettingsValidation(configuration).Validate(null, settings);
    }

    private static AuthSettings Development(string key = GuichetApp.SigningKey) =>
        new() { Mode = AuthMode.Development, Audience = GuichetApp.Audience, DevelopmentSigningKey = key };

    [Fact]
    public void Development_WithALongKeyLocally_IsAccepted() =>
        Assert.True(Validate(Development()).Succeeded);

    [Fact]
    public void Development_OnAzureContainerApps_IsRefused()
    {
        var result = Validate(Development(), ("CONTAINER_APP_NAME", "guichet"));
        Assert.True(result.Failed);
        Assert.Contains("CONTAINER_APP_NAME", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_WithAShortKey_IsRefused() =>
        Assert.True(Validate(Development("too-short")).Failed);

    [Fact]
    public void NoMode_IsRefused() =>
        Assert.Contains("Auth__Mode", Validate(new AuthSettings { Audience = "a" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void EntraId_WithoutAnHttpsAuthority_IsRefused()
    {
        Assert.True(Validate(new AuthSettings { Mode = AuthMode.EntraId, Audience = "a", Authority = "http://login.example/t/v2.0" }).Failed);
        Assert.True(Validate(new AuthSettings { Mode = AuthMode.EntraId, Audience = "a", Authority = "https://login.microsoftonline.com/t/v2.0" }).Succeeded);
    }

    [Fact]
    public async Task App_WithDevelopmentModeOnAzure_DoesNotStart()
    {
        await using var app = new GuichetApp(azurite.Azurite, new Dictionary<string, string?> { ["CONTAINER_APP_NAME"] = "guichet" });

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);
        Assert.Contains("refused on Azure", error.Message, StringComparison.Ordinal);
    }
}
