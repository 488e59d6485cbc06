namespace Guichet.Host.Security;

/// <summary>The <c>Auth</c> settings (<c>Auth__Mode</c>, <c>Auth__Authority</c>, <c>Auth__Audience</c>, <c>Auth__DevelopmentSigningKey</c>).</summary>
public sealed class AuthSettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Auth";

    /// <summary>Who issues tokens; required: there is no default, so a forgotten setting never opens the API.</summary>
    public AuthMode? Mode { get; set; }

    /// <summary>The Entra ID authority, <c>https://login.microsoftonline.com/&lt;tenant&gt;/v2.0</c> (EntraId mode).</summary>
    public string? Authority { get; set; }

    /// <summary>The audience every token must carry, in both modes.</summary>
    public string? Audience { get; set; }

    /// <summary>The development issuer's symmetric signing key, at least 32 bytes (Development mode only).</summary>
    public string? DevelopmentSigningKey { get; set; }
}
