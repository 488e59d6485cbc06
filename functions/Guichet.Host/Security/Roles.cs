namespace Guichet.Host.Security;

/// <summary>The application roles of DESIGN §7, as they arrive in the token's <c>roles</c> claim (Entra app roles).</summary>
public static class Roles
{
    /// <summary>A referring organisation following its own requests.</summary>
    public const string Prescriber = "prescriber";

    /// <summary>The consortium's medical reader; the only reader of the medical section.</summary>
    public const string MedicalReader = "reader.medical";

    /// <summary>The consortium's social reader.</summary>
    public const string SocialReader = "reader.social";

    /// <summary>A member of an admissibility commission.</summary>
    public const string Commission = "commission";

    /// <summary>A structure's operator, answering candidacies for its own places.</summary>
    public const string Structure = "structure";

    /// <summary>The ARS administrator, who monitors and acts on workflow instances.</summary>
    public const string ArsAdmin = "ars.admin";

    /// <summary>The regional observatory, reading pseudonymised aggregates only.</summary>
    public const string Observatory = "observatory";

    /// <summary>Every role, in the order above.</summary>
    public static readonly IReadOnlyList<string> All = [Prescriber, MedicalReader, SocialReader, Commission, Structure, ArsAdmin, Observatory];
}
