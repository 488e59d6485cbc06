namespace Guichet.Domain.Identity;

/// <summary>Why two identities match or not, shown to the person who decides a possible match.</summary>
public enum MatchReason
{
    /// <summary>Both carry the same INS.</summary>
    SameIns,

    /// <summary>Both carry an INS, and they differ: two people, whatever the names say.</summary>
    DifferentIns,

    /// <summary>Last and first names equal once accents, case, hyphens, apostrophes and spaces are normalised.</summary>
    ExactNames,

    /// <summary>Last and first names equal up to spelling variants or transliteration.</summary>
    NameVariants,

    /// <summary>The last name of one is the first name of the other, and the other way round.</summary>
    SwappedNames,

    /// <summary>The names share a part of the last name and a part of the first names (compound names, a name dropped).</summary>
    PartialNames,

    /// <summary>The names have nothing in common that counts.</summary>
    DifferentNames,

    /// <summary>The same full birth date, which is not a placeholder.</summary>
    SameBirthDate,

    /// <summary>The day of one is the month of the other, and the other way round.</summary>
    SwappedDayAndMonth,

    /// <summary>The same birth year, with at least one date known to the year only or a placeholder (1st of January, 31st of December).</summary>
    ApproximateBirthDate,

    /// <summary>Birth dates that cannot be the same.</summary>
    DifferentBirthDates,

    /// <summary>The same known sex.</summary>
    SameSex,

    /// <summary>Different known sexes: a match is possible at most (a registry error, a transition).</summary>
    DifferentSex,

    /// <summary>The sex of one of them is unknown: a match is possible at most.</summary>
    UnknownSex,
}
