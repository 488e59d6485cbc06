using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Guichet.Host.Security;

/// <summary>
/// One named authorization policy per audience of DESIGN §2; every route names one. Prescribers and
/// structures must also carry an <c>org</c> claim, which their routes use to scope what they see.
/// </summary>
public static class Policies
{
    /// <summary>Prescribers, with their organisation.</summary>
    public const string Prescribers = "prescribers";

    /// <summary>Medical readers.</summary>
    public const string MedicalReaders = "medical-readers";

    /// <summary>Social readers.</summary>
    public const string SocialReaders = "social-readers";

    /// <summary>Commission members.</summary>
    public const string Commission = "commission";

    /// <summary>Structure operators, with their organisation.</summary>
    public const string Structures = "structures";

    /// <summary>ARS administrators.</summary>
    public const string Administration = "administration";

    /// <summary>The observatory.</summary>
    public const string Observatory = "observatory";

    /// <summary>
    /// Whoever may read a dossier: prescribers with their organisation (each route then shows a prescriber only
    /// the dossiers holding one of its requests), medical and social readers, commission members, ARS administrators.
    /// </summary>
    public const string DossierReaders = "dossier-readers";

    /// <summary>
    /// Who withdraws from a dossier: a prescriber with its organisation (its own requests), or an ARS administrator
    /// (the whole dossier, on behalf of the guichet).
    /// </summary>
    public const string Withdrawers = "withdrawers";

    /// <summary>The people of the double reading and the ARS administrators: pending readings, possible duplicates to review.</summary>
    public const string Reviewers = "reviewers";
    /// <summary>Who reads the published priority grid: ARS administrators, commission members, both readers, the observatory.</summary>
    public const string GridReaders = "grid-readers";

    /// <summary>
    /// Who reads a device's waiting list: commission members, ARS administrators, both readers, and prescribers with
    /// their organisation (who see their own dossiers only).
    /// </summary>
    public const string WaitingList = "waiting-list";

    /// <summary>Commission members or ARS administrators: the sessions' agendas and minutes.</summary>
    public const string CommissionOrAdministration = "commission-or-administration";

    /// <summary>Any role of the guichet (structures with their organisation): the registry of structures, a public directory.</summary>
    public const string StructureReaders = "structure-readers";

    /// <summary>A structure's users with their organisation (each route then checks it is theirs), or ARS administrators.</summary>
    public const string StructuresOrAdministration = "structures-or-administration";

    /// <summary>Who renews an LHSS stay: a structure's users with their organisation (the route checks it is theirs), or a medical reader.</summary>
    public const string StayRenewers = "stay-renewers";

    /// <summary>
    /// Who confirms that a waiting dossier still waits: a prescriber with its organisation (a dossier holding one of its
    /// requests), or an ARS administrator (the guichet, after a call).
    /// </summary>
    public const string Confirmers = "confirmers";

    /// <summary>Adds every policy, and a fallback that requires an authenticated caller on any route that names none.</summary>
    public static void AddGuichetPolicies(this AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Prescribers, p => p.RequireAuthenticatedUser().RequireRole(Roles.Prescriber).RequireOrg());
        options.AddPolicy(MedicalReaders, p => p.RequireAuthenticatedUser().RequireRole(Roles.MedicalReader));
        options.AddPolicy(SocialReaders, p => p.RequireAuthenticatedUser().RequireRole(Roles.SocialReader));
        options.AddPolicy(Commission, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commission));
        options.AddPolicy(Structures, p => p.RequireAuthenticatedUser().RequireRole(Roles.Structure).RequireOrg());
        options.AddPolicy(Administration, p => p.RequireAuthenticatedUser().RequireRole(Roles.ArsAdmin));
        options.AddPolicy(Observatory, p => p.RequireAuthenticatedUser().RequireRole(Roles.Observatory));
        options.AddPolicy(DossierReaders, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.MedicalReader) || context.User.IsInRole(Roles.SocialReader) || context.User.IsInRole(Roles.Commission)
            || context.User.IsInRole(Roles.ArsAdmin) || (context.User.IsInRole(Roles.Prescriber) && HasOrg(context.User))));
        options.AddPolicy(Withdrawers, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.ArsAdmin) || (context.User.IsInRole(Roles.Prescriber) && HasOrg(context.User))));
        options.AddPolicy(Reviewers, p => p.RequireAuthenticatedUser().RequireRole(Roles.MedicalReader, Roles.SocialReader, Roles.ArsAdmin));
        options.AddPolicy(GridReaders, p => p.RequireAuthenticatedUser().RequireRole(Roles.ArsAdmin, Roles.Commission, Roles.MedicalReader, Roles.SocialReader, Roles.Observatory));
        options.AddPolicy(WaitingList, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.Commission) || context.User.IsInRole(Roles.ArsAdmin) || context.User.IsInRole(Roles.MedicalReader)
            || context.User.IsInRole(Roles.SocialReader) || (context.User.IsInRole(Roles.Prescriber) && HasOrg(context.User))));
        options.AddPolicy(CommissionOrAdministration, p => p.RequireAuthenticatedUser().RequireRole(Roles.Commission, Roles.ArsAdmin));
        options.AddPolicy(StructureReaders, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            Roles.All.Any(r => r != Roles.Structure && context.User.IsInRole(r)) || (context.User.IsInRole(Roles.Structure) && HasOrg(context.User))));
        options.AddPolicy(StructuresOrAdministration, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.ArsAdmin) || (context.User.IsInRole(Roles.Structure) && HasOrg(context.User))));
        options.AddPolicy(StayRenewers, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.MedicalReader) || (context.User.IsInRole(Roles.Structure) && HasOrg(context.User))));
        options.AddPolicy(Confirmers, p => p.RequireAuthenticatedUser().RequireAssertion(context =>
            context.User.IsInRole(Roles.ArsAdmin) || (context.User.IsInRole(Roles.Prescriber) && HasOrg(context.User))));
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }

    private static AuthorizationPolicyBuilder RequireOrg(this AuthorizationPolicyBuilder policy) =>
        policy.RequireAssertion(context => HasOrg(context.User));

    private static bool HasOrg(ClaimsPrincipal user) => !string.IsNullOrWhiteSpace(user.FindFirst(GuichetClaims.Org)?.Value);
}
