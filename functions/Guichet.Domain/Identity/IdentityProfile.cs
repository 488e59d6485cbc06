using Guichet.Domain.Intake;

namespace Guichet.Domain.Identity;

/// <summary>
/// An identity with its name forms computed once, for comparing one request with many candidates: what
/// <see cref="IdentityMatch"/> and <see cref="BlockingKeys"/> read, whichever of the two overloads is called.
/// </summary>
public sealed class IdentityProfile
{
    private IdentityProfile(Person person)
    {
        Person = person;
        LastName = NameForms.Of(person.LastName);
        FirstName = NameForms.Of(person.FirstName);
    }

    /// <summary>The identity as given.</summary>
    public Person Person { get; }

    internal NameForms LastName { get; }

    internal NameForms FirstName { get; }

    /// <summary>The profile of <paramref name="person"/>.</summary>
    public static IdentityProfile Of(Person person) => new(person ?? throw new ArgumentNullException(nameof(person)));
}
