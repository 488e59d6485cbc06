using Guichet.Host.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Guichet.Host.Tests;

/// <summary>Both modes validate issuer, audience, lifetime and signature; only where the keys come from differs.</summary>
public sealed class JwtBearerSetupTests
{
    private static JwtBearerOptions Configure(AuthSettings settings, string environment = "Production")
    {
        var options = new JwtBearerOptions();
        new JwtBearerSetup(Options.Create(settings), new HostingEnvironment { EnvironmentName = environment })
            .Configure(JwtBearerDefaults.AuthenticationScheme, options);
        return options;
    }

    private static void AssertValidatedTheSameWay(JwtBearerOptions options, string audience)
    {
        var p = options.TokenValidationParameters;
        Assert.True(p.ValidateIssuer && p.ValidateAudience && p.ValidateLifetime && p.ValidateIssuerSigningKey);
        Assert.True(p.RequireExpirationTime && p.RequireSignedTokens);
        Assert.Equal(audience, p.ValidAudience);
        Assert.Equal("roles", p.RoleClaimType);
        Assert.Equal("name", p.NameClaimType);
        Assert.False(options.MapInboundClaims);
        Assert.False(options.IncludeErrorDetails);
    }

    [Fact]
    public void EntraId_TakesIssuerAndKeysFromTheAuthority_AndAcceptsRs256Only()
    {
        var options = Configure(new AuthSettings { Mode = AuthMode.EntraId, Authority = "https://login.microsoftonline.com/tenant/v2.0", Audience = "api-id" });

        AssertValidatedTheSameWay(options, "api-id");
        Assert.Equal("https://login.microsoftonline.com/tenant/v2.0", options.Authority);
        Assert.Null(options.TokenValidationParameters.IssuerSigningKey);
        Assert.Equal([SecurityAlgorithms.RsaSha256], options.TokenValidationParameters.ValidAlgorithms);
    }

    [Fact]
    public void Development_UsesTheLocalIssuerAndKey_AndAcceptsHs256Only()
    {
        var options = Configure(new AuthSettings { Mode = AuthMode.Development, Audience = GuichetApp.Audience, DevelopmentSigningKey = GuichetApp.SigningKey });

        AssertValidatedTheSameWay(options, GuichetApp.Audience);
        Assert.Null(options.Authority);
        Assert.Equal(DevelopmentIssuer.Issuer, options.TokenValidationParameters.ValidIssuer);
        Assert.NotNull(options.TokenValidationParameters.IssuerSigningKey);
        Assert.Equal([SecurityAlgorithms.HmacSha256], options.TokenValidationParameters.ValidAlgorithms);
    }

    [Fact]
    public void ErrorDetails_AreOnlyGivenInDevelopment() =>
        Assert.True(Configure(new AuthSettings { Mode = AuthMode.Development, Audience = "a", DevelopmentSigningKey = GuichetApp.SigningKey }, Environments.Development).IncludeErrorDetails);
}
