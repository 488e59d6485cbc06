namespace Guichet.Host.Security;

/// <summary>The claim types the API reads; inbound claims are not renamed, so these are the token's own names.</summary>
public static class GuichetClaims
{
    /// <summary>The application roles (an array when there are several).</summary>
    public const string Roles = "roles";

    /// <summary>The organisation that scopes prescribers and structures to their own dossiers and candidacies.</summary>
    public const string Org = "org";

    /// <summary>The display name.</summary>
    public const string Name = "name";

    /// <summary>The subject.</summary>
    public const string Subject = "sub";

    /// <summary>The Entra object id of a user or service principal, stable across applications.</summary>
    public const string ObjectId = "oid";
}
