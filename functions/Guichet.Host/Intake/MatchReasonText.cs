using Guichet.Domain.Identity;

namespace Guichet.Host.Intake;

/// <summary>The reasons of an identity match in the French a prescriber or a reviewer reads.</summary>
internal static class MatchReasonText
{
    /// <summary>One reason.</summary>
    public static string Of(MatchReason reason) => reason switch
    {
        MatchReason.SameIns => "même INS",
        MatchReason.DifferentIns => "INS différents",
        MatchReason.ExactNames => "mêmes nom et prénom",
        MatchReason.NameVariants => "nom et prénom identiques aux variantes d'orthographe ou de translittération près",
        MatchReason.SwappedNames => "nom et prénom inversés",
        MatchReason.PartialNames => "noms composés ou partiels en commun",
        MatchReason.DifferentNames => "noms différents",
        MatchReason.SameBirthDate => "même date de naissance",
        MatchReason.SwappedDayAndMonth => "jour et mois de naissance inversés",
        MatchReason.ApproximateBirthDate => "même année de naissance, date approximative",
        MatchReason.DifferentBirthDates => "dates de naissance différentes",
        MatchReason.SameSex => "même sexe",
        MatchReason.DifferentSex => "sexes différents",
        MatchReason.UnknownSex => "sexe inconnu sur l'une des demandes",
        _ => reason.ToString(),
    };

    /// <summary>Every reason of a match, as a list.</summary>
    public static IReadOnlyList<string> Of(IdentityMatchResult match) => [.. match.Reasons.Select(Of)];

    /// <summary>Every reason of a match, in one sentence.</summary>
    public static string Sentence(IdentityMatchResult match) => "Même personne : " + string.Join(", ", Of(match)) + ".";
}
