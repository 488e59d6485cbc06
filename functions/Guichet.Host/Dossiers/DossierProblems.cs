using Guichet.Runtime.Instances;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Dossiers;

/// <summary>
/// The problem details of the dossier routes, with their French detail. A dossier the caller may not see is
/// answered exactly as one that does not exist, so that its existence does not leak.
/// </summary>
internal static class DossierProblems
{
    public static ProblemHttpResult NotFound(string dossierId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Aucun dossier « {dossierId} ».");

    public static ProblemHttpResult Finished(string dossierId, string? status) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status410Gone,
            detail: $"Le dossier « {dossierId} » est clos{(status is null ? "" : $" ({status})")} : il n'accepte plus d'action.");

    /// <summary>A rule of the dossier said no: 422 with its reason, nothing changed.</summary>
    public static ProblemHttpResult Rejected(string? reason) =>
        TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, detail: reason);

    /// <summary>The dossier failed on the action (a bug, recorded in its history): 500, the ARS acts on it.</summary>
    public static ProblemHttpResult Failed(string dossierId) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status500InternalServerError,
            detail: $"Le dossier « {dossierId} » n'a pas pu traiter l'action et est en échec ; l'administration ARS peut le reprendre. Communiquez l'identifiant de corrélation au support.");

    public static ProblemHttpResult TooLarge(PayloadTooLargeException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, detail: $"La demande fait {ex.Size} octets ; le maximum est {ex.Limit} octets.");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, detail: detail);

    /// <summary>A field of the request that is missing or wrong: 400 naming it.</summary>
    public static ValidationProblem Invalid(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    /// <summary>A required free text: present, not blank, and at most <see cref="DossierRoutes.MaxTextLength"/> characters.</summary>
    /// <param name="field">The JSON field, named in the problem.</param>
    /// <param name="value">Its value.</param>
    /// <param name="what">What it is, as the sentence starts ("Le motif").</param>
    public static ValidationProblem? RequiredText(string field, string? value, string what) =>
        string.IsNullOrWhiteSpace(value) ? Invalid(field, $"{what} ({field}) est obligatoire.")
        : value.Length > DossierRoutes.MaxTextLength ? Invalid(field, $"{what} ({field}) ne peut dépasser {DossierRoutes.MaxTextLength} caractères.")
        : null;

    /// <summary>An optional free text: absent, or at most <see cref="DossierRoutes.MaxTextLength"/> characters.</summary>
    public static ValidationProblem? OptionalText(string field, string? value) =>
        value?.Length > DossierRoutes.MaxTextLength ? Invalid(field, $"Le champ « {field} » ne peut dépasser {DossierRoutes.MaxTextLength} caractères.") : null;

    public static string InvalidId(string field, string? value) =>
        $"« {value} » n'est pas un identifiant de dossier valide ({field}) : de 1 à {InstanceIds.MaxLength} lettres, chiffres ou « - _ . : @ + ».";
}
