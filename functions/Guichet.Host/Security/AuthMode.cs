namespace Guichet.Host.Security;

/// <summary>Who issues the bearer tokens the API accepts; both are validated the same way.</summary>
public enum AuthMode
{
    /// <summary>The local development issuer, whose tokens the <c>token</c> command prints (symmetric key).</summary>
    Development,

    /// <summary>Microsoft Entra ID: signing keys and issuer from the authority's metadata.</summary>
    EntraId,
}
