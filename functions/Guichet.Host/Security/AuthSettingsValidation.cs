using Microsoft.Extensions.Options;

namespace Guichet.Host.Security;

/// <summary>
/// Refuses, at start, settings that would leave the API open or unusable: no mode, no audience, an Entra ID
/// authority that is not https, a development key too short, or the development issuer on Azure (Container
/// Apps and App Service set <c>CONTAINER_APP_NAME</c> or <c>WEBSITE_SITE_NAME</c> on every replica).
/// </summary>
internal sealed class AuthSettingsValidation(IConfiguration configuration) : IValidateOptions<AuthSettings>
{
    /// <summary>Settings whose presence means the app runs on Azure.</summary>
    public static readonly string[] AzureMarkers = ["CONTAINER_APP_NAME", "WEBSITE_SITE_NAME"];

    public ValidateOptionsResult Validate(string? name, AuthSettings options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth__Audience is not set: the audience tokens must be issued for.");
        }

        switch (options.Mode)
        {
            case null:
                failures.Add("Auth__Mode is not set: Development (local issuer) or EntraId.");
                break;
            case AuthMode.EntraId when !Uri.TryCreate(options.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps:
                failures.Add("Auth__Authority must be the https Entra ID authority, https://login.microsoftonline.com/<tenant>/v2.0, in EntraId mode.");
                break;
            case AuthMode.Development:
                if (!DevelopmentIssuer.IsUsableKey(options.DevelopmentSigningKey))
                {
                    failures.Add($"Auth__DevelopmentSigningKey must be at least {DevelopmentIssuer.MinimumKeyBytes} bytes in Development mode.");
                }

                if (AzureMarkers.FirstOrDefault(m => !string.IsNullOrEmpty(configuration[m])) is { } marker)
                {
                    failures.Add($"Auth__Mode=Development is refused on Azure ({marker} is set): use EntraId.");
                }

                break;
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
