using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Guichet.Host.Security;

/// <summary>Wires bearer authentication and the role policies.</summary>
public static class SecurityRegistration
{
    /// <summary>
    /// Adds JWT bearer authentication (Development or EntraId, from the <c>Auth</c> settings, checked at start)
    /// and the named policies of <see cref="Policies"/>, with a fallback that requires an authenticated caller.
    /// </summary>
    public static WebApplicationBuilder AddGuichetSecurity(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AuthSettings>().BindConfiguration(AuthSettings.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AuthSettings>, AuthSettingsValidation>();
        builder.Services.AddSingleton<IConfigureOptions<JwtBearerOptions>, JwtBearerSetup>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization(options => options.AddGuichetPolicies());
        return builder;
    }
}
