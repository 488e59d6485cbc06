using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Guichet.Host.Security;

/// <summary>
/// Configures bearer validation identically in both modes (issuer, audience, lifetime, signature, algorithm,
/// token claim names kept as issued); only where the issuer and its keys come from differs.
/// </summary>
internal sealed class JwtBearerSetup(IOptions<AuthSettings> settings, IHostEnvironment environment) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }

        var auth = settings.Value;
        options.MapInboundClaims = false;
        options.IncludeErrorDetails = environment.IsDevelopment();
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            ValidateIssuerSigningKey = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAudience = auth.Audience,
            ClockSkew = TimeSpan.FromMinutes(1),
            NameClaimType = GuichetClaims.Name,
            RoleClaimType = GuichetClaims.Roles,
        };
        if (auth.Mode == AuthMode.Development)
        {
            options.TokenValidationParameters.ValidIssuer = DevelopmentIssuer.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = DevelopmentIssuer.SigningKey(auth.DevelopmentSigningKey);
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
        }
        else
        {
            options.Authority = auth.Authority;
            options.Audience = auth.Audience;
            options.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.RsaSha256];
        }
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
