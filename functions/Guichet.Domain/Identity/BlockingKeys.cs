using System.Globalization;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Identity;

/// <summary>
/// The keys under which an identity is indexed for de-duplication, so that a new request is compared only with
/// the identities it shares a key with. Two identities that <see cref="IdentityMatch"/> finds possibly or surely
/// the same always share one: each name word and each compact form of a name makes a key with the birth year, in
/// whichever field it stands (swapped names), alone or among others (compound, partial names), and the year alone
/// stands for the date (day and month swapped, year only, 1st of January, 31st of December); the INS makes its own.
/// The keys are normalised clear text: the host keeps only their keyed hash (HMAC with the configured secret).
/// </summary>
public static class BlockingKeys
{
    /// <summary>The keys of an identity, without duplicates, in a stable order: <c>ins:…</c>, then <c>name-year:…:YYYY</c>.</summary>
    public static IReadOnlyList<string> Of(Person person) => Of(IdentityProfile.Of(person));

    /// <summary>The keys of a profiled identity: as <see cref="Of(Person)"/>.</summary>
    public static IReadOnlyList<string> Of(IdentityProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var person = profile.Person;
        var year = person.BirthDate.Year.ToString("D4", CultureInfo.InvariantCulture);
        var names = profile.LastName.Pool.Concat(profile.FirstName.Pool)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(name => $"name-year:{name}:{year}");
        return person.Ins is { } ins ? [$"ins:{ins}", .. names] : [.. names];
    }
}
