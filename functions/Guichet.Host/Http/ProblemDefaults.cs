using Guichet.Host.Observability;
using Microsoft.AspNetCore.WebUtilities;

namespace Guichet.Host.Http;

/// <summary>
/// Completes every RFC 9457 problem the app writes: a <c>type</c> and <c>title</c> for each status, a French
/// <c>detail</c> for the people reading it when the writer gave none, and the request's correlation id.
/// </summary>
internal static class ProblemDefaults
{
    private static readonly Dictionary<int, (string Section, string Detail)> Statuses = new()
    {
        [400] = ("15.5.1", "La requête est invalide."),
        [401] = ("15.5.2", "Authentification requise : présentez un jeton porteur valide (Authorization: Bearer …)."),
        [403] = ("15.5.4", "Votre rôle ne donne pas accès à cette ressource."),
        [404] = ("15.5.5", "Ressource introuvable."),
        [405] = ("15.5.6", "Cette méthode n'est pas acceptée sur cette ressource."),
        [409] = ("15.5.10", "L'action ne s'applique pas dans l'état actuel de la ressource."),
        [410] = ("15.5.11", "La ressource est terminée et n'accepte plus d'action."),
        [413] = ("15.5.14", "Le corps de la requête dépasse la taille autorisée."),
        [415] = ("15.5.16", "Le corps de la requête doit être du JSON (Content-Type: application/json)."),
        [422] = ("15.5.21", "La demande est refusée par une règle de gestion ; rien n'a été modifié."),
        [500] = ("15.6.1", "Erreur interne. Communiquez l'identifiant de corrélation au support."),
        [503] = ("15.6.4", "Service momentanément indisponible."),
    };

    public static void Customize(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        problem.Status = status;
        if (Statuses.TryGetValue(status, out var known))
        {
            problem.Type ??= "https://www.rfc-editor.org/rfc/rfc9110#section-" + known.Section;
            problem.Detail ??= known.Detail;
        }

        problem.Title ??= ReasonPhrases.GetReasonPhrase(status);
        problem.Instance ??= context.HttpContext.Request.Path;
        problem.Extensions["correlationId"] = Correlation.Of(context.HttpContext);
    }
}
