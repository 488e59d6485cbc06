using Guichet.Domain;
using Guichet.Domain.Readings;
using Guichet.Host.Dossiers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Readings;

/// <summary>
/// The checks of a reading's fields at the boundary: present when required, and one of their values (the
/// serializer also takes a number for an enum). Whether the reading may be recorded is the dossier's rule.
/// </summary>
internal static class ReadingFields
{
    public static ValidationProblem? Verdict(ReadingVerdict? verdict) => verdict switch
    {
        null => DossierProblems.Invalid("verdict", $"La conclusion de la lecture (verdict) est obligatoire : {string.Join(", ", WireName.All<ReadingVerdict>())}."),
        { } value when !Enum.IsDefined(value) => NotOneOf<ReadingVerdict>("verdict"),
        _ => null,
    };

    public static ValidationProblem? Score(string field, int? score) =>
        score is null ? DossierProblems.Invalid(field, $"Le champ « {field} » (de 0 à 5) est obligatoire.") : null;

    public static ValidationProblem? Orientation(Orientation? orientation) =>
        orientation is { } value && !Enum.IsDefined(value) ? NotOneOf<Orientation>("recommendedOrientation") : null;

    public static ValidationProblem? Required<T>(string field, T? value)
        where T : struct, Enum => value switch
        {
            null => DossierProblems.Invalid(field, $"Le champ « {field} » est obligatoire : {string.Join(", ", WireName.All<T>())}."),
            { } v when !Enum.IsDefined(v) => NotOneOf<T>(field),
            _ => null,
        };

    public static ValidationProblem? Defined<T>(string field, IReadOnlyList<T>? values)
        where T : struct, Enum =>
        values?.Any(v => !Enum.IsDefined(v)) == true ? NotOneOf<T>(field) : null;

    private static ValidationProblem NotOneOf<T>(string field)
        where T : struct, Enum =>
        DossierProblems.Invalid(field, $"Le champ « {field} » n'accepte que : {string.Join(", ", WireName.All<T>())}.");
}
