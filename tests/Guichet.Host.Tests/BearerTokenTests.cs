using System.Net;
using System.Text;
using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Guichet.Host.Tests;

/// <summary>Tokens of the development issuer are validated like Entra ID tokens: issuer, audience, lifetime, signature.</summary>
[Collection(HostGroup.Name)]
public sealed class BearerTokenTests(AzuriteFixture azurite, SharedApp shared)
{
    private static readonly string[] Admin = [Roles.ArsAdmin];

    private async Task<HttpStatusCode> ListWithAsync(string token)
    {
        var app = await shared.GetAsync(azurite);
        using var client = app.ClientWith(token);
        using var response = await client.GetAsync("/api/instances?top=1");
        return response.StatusCode;
    }

    private static DevelopmentToken Alice => new("Alice", "dev:alice", Admin, "ars-idf", TimeSpan.FromHours(1));

    [Fact]
    public async Task ValidToken_IsAccepted() =>
        Assert.Equal(HttpStatusCode.OK, await ListWithAsync(GuichetApp.Token(Admin)));

    [Fact]
    public async Task WrongAudience_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWithAsync(DevelopmentIssuer.Issue(Alice, "api://someone-else", GuichetApp.SigningKey, TimeProvider.System)));

    [Fact]
    public async Task Expired_Is401()
    {
        var past = new FakeTimeProvider(TimeProvider.System.GetUtcNow().AddHours(-3));
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWithAsync(DevelopmentIssuer.Issue(Alice, GuichetApp.Audience, GuichetApp.SigningKey, past)));
    }

    [Fact]
    public async Task WrongKey_Is401() =>
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWithAsync(DevelopmentIssuer.Issue(Alice, GuichetApp.Audience, "another-key-of-enough-length-0123456789", TimeProvider.System)));

    [Fact]
    public async Task WrongIssuer_Is401()
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "https://elsewhere.example",
            Audience = GuichetApp.Audience,
            Expires = now.AddHours(1),
            Claims = new Dictionary<string, object> { ["roles"] = Admin, ["sub"] = "x" },
            SigningCredentials = new SigningCredentials(DevelopmentIssuer.SigningKey(GuichetApp.SigningKey), SecurityAlgorithms.HmacSha256),
        });
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWithAsync(token));
    }

    [Fact]
    public async Task Unsigned_Is401()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));
        var exp = TimeProvider.System.GetUtcNow().AddHours(1).ToUnixTimeSeconds();
        var token = Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
            Part($"{{\"iss\":\"{DevelopmentIssuer.Issuer}\",\"aud\":\"{GuichetApp.Audience}\",\"exp\":{exp},\"sub\":\"x\",\"roles\":[\"ars.admin\"]}}") + ".";
        Assert.Equal(HttpStatusCode.Unauthorized, await ListWithAsync(token));
    }

    [Fact]
    public async Task TokenCommand_PrintsATokenTheApiAccepts()
    {
        var app = await shared.GetAsync(azurite);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run(
            ["token", "--role", "ars.admin", "--org", "ars-idf", "--name", "Alice"],
            app.Services.GetRequiredService<IConfiguration>(),
            TimeProvider.System,
            output,
            error);

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error.ToString());
        Assert.Equal(HttpStatusCode.OK, await ListWithAsync(output.ToString().Trim()));
    }

    [Theory]
    [InlineData("token", "--role", "nobody")]
    [InlineData("token", "--org", "ars-idf")]
    [InlineData("token", "--role")]
    public async Task TokenCommand_WithBadArguments_ExplainsAndFails(params string[] args)
    {
        var app = await shared.GetAsync(azurite);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run(args, app.Services.GetRequiredService<IConfiguration>(), TimeProvider.System, output, error);

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output.ToString());
        Assert.Contains("usage: token", error.ToString(), StringComparison.Ordinal);
    }
}
