using Guichet.Host.Observability;
using Guichet.Host.Security;

namespace Guichet.Host.Dossiers;

/// <summary>
/// Writes every read of a dossier to the audit log (<c>Guichet.Audit</c>, DESIGN §7), besides the line the audit
/// middleware writes for the call: which dossier, who with which roles and organisation, and whether the medical
/// part was shown. A prescriber asking for a dossier that is not its organisation's is answered 404 like a
/// missing one, and written here as refused, so that probing is visible.
/// </summary>
internal sealed class DossierReadAudit(ILoggerFactory loggers)
{
    private const string Shown = "Dossier read {DossierId} by {Actor} roles {Roles} org {Org}: {Part}, medical part shown {MedicalShown}";
    private const string Refused = "Dossier read refused {DossierId} by {Actor} roles {Roles} org {Org}: not a dossier of the organisation";

    private readonly ILogger _audit = loggers.CreateLogger(AuditMiddleware.Category);

    /// <summary>A dossier, or a part of it (its summary found by externalRef), was shown.</summary>
    public void Read(HttpContext context, string dossierId, string part, bool medicalShown)
    {
        var user = context.User;
        _audit.LogInformation(Shown, dossierId, Caller.Actor(user), string.Join(",", Caller.RolesOf(user)), Caller.Org(user), part, medicalShown);
    }

    /// <summary>A dossier was asked for by a caller who may not see it.</summary>
    public void Refuse(HttpContext context, string dossierId)
    {
        var user = context.User;
        _audit.LogWarning(Refused, dossierId, Caller.Actor(user), string.Join(",", Caller.RolesOf(user)), Caller.Org(user));
    }
}
