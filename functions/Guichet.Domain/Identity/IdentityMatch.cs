using Guichet.Domain.Intake;

namespace Guichet.Domain.Identity;

/// <summary>
/// Compares two identities for invariant 1, and beats exact matching on last name, first name, birth date and
/// sex: spelling variants, transliterations, swapped and partial names, swapped day and month, approximate dates.
/// <list type="bullet">
/// <item>Both INS present: equal is <see cref="MatchLevel.Sure"/>, different is <see cref="MatchLevel.None"/>.</item>
/// <item>Otherwise <see cref="MatchLevel.Sure"/> takes exact names (normalised), the same full birth date that is no
/// placeholder, and the same known sex; anything weaker that still fits is <see cref="MatchLevel.Possible"/>.</item>
/// <item>Names with nothing in common, or birth dates that cannot be the same, are <see cref="MatchLevel.None"/>.</item>
/// </list>
/// Pure and symmetric: comparing b with a gives what comparing a with b gives.
/// </summary>
public static class IdentityMatch
{
    /// <summary>How sure it is that <paramref name="a"/> and <paramref name="b"/> are the same person, and why.</summary>
    public static IdentityMatchResult Compare(Person a, Person b) => Compare(IdentityProfile.Of(a), IdentityProfile.Of(b));

    /// <summary>How sure it is that two profiled identities are the same person, and why: as <see cref="Compare(Person, Person)"/>.</summary>
    public static IdentityMatchResult Compare(IdentityProfile first, IdentityProfile second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var (a, b) = (first.Person, second.Person);
        if (a.Ins is not null && b.Ins is not null)
        {
            return a.Ins == b.Ins ? new(MatchLevel.Sure, [MatchReason.SameIns]) : new(MatchLevel.None, [MatchReason.DifferentIns]);
        }

        var names = Names(first, second);
        var dates = Dates(a.BirthDate, b.BirthDate);
        var sex = (a.Sex, b.Sex) switch
        {
            (Sex.Unknown, _) or (_, Sex.Unknown) => MatchReason.UnknownSex,
            var (x, y) when x == y => MatchReason.SameSex,
            _ => MatchReason.DifferentSex,
        };

        if (names == MatchReason.DifferentNames || dates == MatchReason.DifferentBirthDates)
        {
            return new(MatchLevel.None, Ordered(names, dates));
        }

        var sure = names == MatchReason.ExactNames && dates == MatchReason.SameBirthDate && sex == MatchReason.SameSex;
        return new(sure ? MatchLevel.Sure : MatchLevel.Possible, Ordered(names, dates, sex));
    }

    private static MatchReason Names(IdentityProfile a, IdentityProfile b)
    {
        var (lastA, firstA, lastB, firstB) = (a.LastName, a.FirstName, b.LastName, b.FirstName);
        if (lastA.Exact.Length > 0 && firstA.Exact.Length > 0 && lastA.Exact == lastB.Exact && firstA.Exact == firstB.Exact)
        {
            return MatchReason.ExactNames;
        }

        if (lastA.IsVariantOf(lastB) && firstA.IsVariantOf(firstB))
        {
            return MatchReason.NameVariants;
        }

        if (lastA.IsVariantOf(firstB) && firstA.IsVariantOf(lastB))
        {
            return MatchReason.SwappedNames;
        }

        // Compound and partial names, in either order: what both share must touch each field of each of them,
        // so that a shared last name alone (a brother, a sister) is not enough.
        var shared = lastA.Pool.Concat(firstA.Pool).ToHashSet(StringComparer.Ordinal);
        shared.IntersectWith(lastB.Pool.Concat(firstB.Pool));
        return lastA.Meets(shared) && firstA.Meets(shared) && lastB.Meets(shared) && firstB.Meets(shared)
            ? MatchReason.PartialNames
            : MatchReason.DifferentNames;
    }

    private static MatchReason Dates(PartialDate a, PartialDate b)
    {
        if (a.Year != b.Year)
        {
            return MatchReason.DifferentBirthDates;
        }

        if (a.IsApproximate || b.IsApproximate)
        {
            return MatchReason.ApproximateBirthDate;
        }

        var (x, y) = (a.Date!.Value, b.Date!.Value);
        return x == y ? MatchReason.SameBirthDate
            : x.Day == y.Month && x.Month == y.Day ? MatchReason.SwappedDayAndMonth
            : MatchReason.DifferentBirthDates;
    }

    private static MatchReason[] Ordered(params MatchReason[] reasons) => [.. reasons.Order()];
}
