using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Guichet.Domain.Identity;
using Guichet.Domain.Intake;

namespace Guichet.Domain.Tests.Identity;

/// <summary>
/// Matching and normalisation on generated identities, drawn from spellings of the same people (variants,
/// swaps, compound names, placeholder dates) so that possible matches come often, and from arbitrary strings.
/// </summary>
public sealed class IdentityProperties
{
    private static readonly string[] LastNames =
        ["Diallo", "Dialo", "Traoré", "TRAORE", "Coulibaly", "Kulibali", "Ben Ali", "Benali", "El Amrani", "Amrani", "Dubois-Martin", "Dubois", "N'Diaye", "Ndiaye", "Kowalski", "Petrov", "Koné épouse Traoré"];

    private static readonly string[] FirstNames =
        ["Mamadou", "Mamadu", "Mohamed", "Muhammad", "Aminata", "Awa", "Marie-Claire", "Marie", "Sergueï", "Sergey", "Youssef", "Yusuf", "Fatoumata", "Jean Pierre", "Jean-Pierre", "Diallo", "Traore"];

    private static readonly string[] BirthDates =
        ["1978-04-17", "1978", "1978-01-01", "1978-12-31", "1975-03-08", "1975-08-03", "1975", "1990-02-14", "1990-12-31"];

    private static readonly string?[] InsNumbers = [null, null, null, "178029912304534", "185037512345641"];

    private static Gen<string> Names(string[] pool) =>
        Gen.Frequency((9, Gen.Elements(pool)), (1, ArbMap.Default.GeneratorFor<string>().Where(s => s is not null)));

    private static Arbitrary<Person> People() => (
        from last in Names(LastNames)
        from first in Names(FirstNames)
        from birthDate in Gen.Elements(BirthDates)
        from sex in Gen.Elements(Enum.GetValues<Sex>())
        from ins in Gen.Elements(InsNumbers)
        select new Person(last, first, PartialDate.TryParse(birthDate, out var date) ? date! : throw new InvalidOperationException(), sex, ins)).ToArbitrary();

    [Property(MaxTest = 1000)]
    public Property Match_IsSymmetric() =>
        Prop.ForAll(People(), People(), (a, b) =>
        {
            var (ab, ba) = (IdentityMatch.Compare(a, b), IdentityMatch.Compare(b, a));
            Assert.Equal(ab.Level, ba.Level);
            Assert.Equal(ab.Reasons, ba.Reasons);
        });

    [Property(MaxTest = 1000)]
    public Property AnyIdentity_IsSurelyItself_ExactlyWhenItsIdentityIsComplete() =>
        Prop.ForAll(People(), a =>
        {
            var complete = a.Ins is not null || (a.Sex != Sex.Unknown && !a.BirthDate.IsApproximate && Exact(a.LastName).Length > 0 && Exact(a.FirstName).Length > 0);
            Assert.Equal(complete, IdentityMatch.Compare(a, a).Level == MatchLevel.Sure);
        });

    [Property(MaxTest = 1000)]
    public Property ANameVariation_IsNeverSure_WithoutInsOnBothSides() =>
        Prop.ForAll(People(), Names(LastNames).ToArbitrary(), Names(FirstNames).ToArbitrary(), (a, last, first) =>
        {
            var b = a with { LastName = last, FirstName = first, Ins = null };
            if (Exact(last) != Exact(a.LastName) || Exact(first) != Exact(a.FirstName))
            {
                Assert.NotEqual(MatchLevel.Sure, IdentityMatch.Compare(a, b).Level);
            }
        });

    /// <summary>A name as matching calls two names equal: its normalised words, without spaces.</summary>
    private static string Exact(string name) => string.Concat(IdentityNormalization.Words(name));

    [Property(MaxTest = 1000)]
    public Property PossibleOrSureMatches_AlwaysShareABlockingKey() =>
        Prop.ForAll(People(), People(), (a, b) =>
        {
            if (IdentityMatch.Compare(a, b).Level != MatchLevel.None)
            {
                Assert.NotEmpty(BlockingKeys.Of(a).Intersect(BlockingKeys.Of(b), StringComparer.Ordinal));
            }
        });

    [Property(MaxTest = 1000)]
    public Property Normalization_IsIdempotent(string name) =>
        Prop.ToProperty(name is null || IdentityNormalization.Normalize(IdentityNormalization.Normalize(name)) == IdentityNormalization.Normalize(name));

    [Property(MaxTest = 1000)]
    public Property CanonicalForm_IsIdempotent() =>
        Prop.ForAll(Names(FirstNames.Concat(LastNames).ToArray()).ToArbitrary(), name =>
        {
            foreach (var word in IdentityNormalization.Words(name))
            {
                var canonical = IdentityNormalization.Canonical(word);
                Assert.Equal(canonical, IdentityNormalization.Canonical(canonical));
                Assert.Equal(canonical, IdentityNormalization.Normalize(canonical));
            }
        });
}
