using Guichet.Domain.Identity;
using Guichet.Domain.Intake;
using static Guichet.Domain.Tests.Identity.People;

namespace Guichet.Domain.Tests.Identity;

/// <summary>Blocking keys: identities that may be the same person meet under one key at least; the keys hold no full birth date.</summary>
public sealed class BlockingKeysTests
{
    private static bool Meet(Person a, Person b) => BlockingKeys.Of(a).Intersect(BlockingKeys.Of(b), StringComparer.Ordinal).Any();

    [Fact]
    public void MohamedAndMohammed_SameBlockingKey()
    {
        Assert.Contains("name-year:mohamed:1983", BlockingKeys.Of(Person("Benali", "Mohammed", "1983-11-05")));
        Assert.Contains("name-year:mohamed:1983", BlockingKeys.Of(Person("Ben Ali", "Muhammad", "1983-05-11")));
    }

    [Fact]
    public void SwappedNamesCompoundNamesAndApproximateDates_MeetUnderAKey()
    {
        var diallo = Person("Diallo", "Mamadou Saliou", "1978-04-17");

        Assert.True(Meet(diallo, Person("Mamadou", "Diallo", "1978")));
        Assert.True(Meet(diallo, Person("Dialo", "Mamadou", "1978-12-31")));
        Assert.True(Meet(Person("N'Diaye", "Awa", "1990-02-14", Sex.Female), Person("Ndiaye", "Awa", "1990-02-14", Sex.Female)));
        Assert.False(Meet(diallo, Person("Traoré", "Aminata", "1978-04-17", Sex.Female)));
    }

    [Fact]
    public void TheIns_MakesItsOwnKey()
    {
        Assert.Equal("ins:178029912304534", BlockingKeys.Of(Person("Diallo", "Mamadou", "1978-04-17", ins: "178029912304534"))[0]);
    }

    [Fact]
    public void Keys_CarryTheBirthYearOnly_NeverTheFullDate()
    {
        Assert.All(BlockingKeys.Of(Person("Diallo", "Mamadou", "1978-04-17")), key => Assert.DoesNotContain("04-17", key, StringComparison.Ordinal));
    }
}
