using Guichet.Domain.Identity;
using Guichet.Domain.Intake;
using static Guichet.Domain.Tests.Identity.People;

namespace Guichet.Domain.Tests.Identity;

/// <summary>
/// Invariant 1 and DESIGN §7: matching beats Via Trajectoire's exact match on last name, first name, birth date
/// and sex. Given two requests' identities, when they are compared, then sure, possible or none, and why.
/// </summary>
public sealed class IdentityMatchTests
{
    private static void AssertMatch(Person a, Person b, MatchLevel level, params MatchReason[] reasons)
    {
        var result = IdentityMatch.Compare(a, b);
        Assert.Equal(level, result.Level);
        Assert.Equal(reasons, result.Reasons);
        // Symmetric, whichever request came first.
        var reversed = IdentityMatch.Compare(b, a);
        Assert.Equal(result.Level, reversed.Level);
        Assert.Equal(result.Reasons, reversed.Reasons);
    }

    [Fact]
    public void SameIns_IsSureMatch_WhateverTheNames()
    {
        AssertMatch(
            Person("Diallo", "Mamadou", "1978-04-17", ins: "178029912304534"),
            Person("Dialo", "Mamadou Saliou", "1978", ins: "178029912304534"),
            MatchLevel.Sure, MatchReason.SameIns);
    }

    [Fact]
    public void DifferentIns_NeverMatch_EvenWithIdenticalIdentities()
    {
        AssertMatch(
            Person("Diallo", "Mamadou", "1978-04-17", ins: "178029912304534"),
            Person("Diallo", "Mamadou", "1978-04-17", ins: "185037512345641"),
            MatchLevel.None, MatchReason.DifferentIns);
    }

    [Fact]
    public void InsOnOneSideOnly_FallsBackOnTheIdentity()
    {
        AssertMatch(
            Person("Diallo", "Mamadou", "1978-04-17", ins: "178029912304534"),
            Person("DIALLO", "Mamadou", "1978-04-17"),
            MatchLevel.Sure, MatchReason.ExactNames, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void ExactNamesOnceNormalised_FullDateAndSex_AreSureMatch()
    {
        AssertMatch(
            Person("Lefèvre-N'Diaye", "Éléonore", "1961-09-03", Sex.Female),
            Person("LEFEVRE NDIAYE", "eleonore", "1961-09-03", Sex.Female),
            MatchLevel.Sure, MatchReason.ExactNames, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void TransliterationVariants_ArePossibleMatch_NeverSure()
    {
        AssertMatch(
            Person("Benali", "Mohamed", "1983-11-05"),
            Person("Ben Ali", "Muhammad", "1983-11-05"),
            MatchLevel.Possible, MatchReason.NameVariants, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void SwappedFirstAndLastNames_ArePossibleMatch()
    {
        AssertMatch(
            Person("Traoré", "Aminata", "1990-02-14", Sex.Female),
            Person("Aminata", "Traore", "1990-02-14", Sex.Female),
            MatchLevel.Possible, MatchReason.SwappedNames, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void CompoundAndPartialNames_ArePossibleMatch()
    {
        AssertMatch(
            Person("Dubois-Martin", "Marie-Claire", "1972-06-21", Sex.Female),
            Person("Dubois", "Marie", "1972-06-21", Sex.Female),
            MatchLevel.Possible, MatchReason.PartialNames, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void MarriedNameBesideTheMaidenName_IsPossibleMatch()
    {
        AssertMatch(
            Person("Koné épouse Traoré", "Mariam", "1969-10-08", Sex.Female),
            Person("Koné", "Mariam", "1969-10-08", Sex.Female),
            MatchLevel.Possible, MatchReason.PartialNames, MatchReason.SameBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void SwappedBirthDayAndMonth_IsPossibleMatch()
    {
        AssertMatch(
            Person("Kowalski", "Piotr", "1975-03-08"),
            Person("Kowalski", "Piotr", "1975-08-03"),
            MatchLevel.Possible, MatchReason.ExactNames, MatchReason.SwappedDayAndMonth, MatchReason.SameSex);
    }

    [Theory]
    [InlineData("1978-01-01")]
    [InlineData("1978-12-31")]
    [InlineData("1978")]
    public void BirthDateFirstOfJanuary_TreatedAsYearOnly(string placeholder)
    {
        AssertMatch(
            Person("Diallo", "Mamadou", placeholder),
            Person("Diallo", "Mamadou", "1978-04-17"),
            MatchLevel.Possible, MatchReason.ExactNames, MatchReason.ApproximateBirthDate, MatchReason.SameSex);
        AssertMatch(
            Person("Diallo", "Mamadou", placeholder),
            Person("Diallo", "Mamadou", "1979-04-17"),
            MatchLevel.None, MatchReason.ExactNames, MatchReason.DifferentBirthDates);
    }

    [Fact]
    public void SamePlaceholderDateOnBothSides_IsPossibleMatch_NotSure()
    {
        AssertMatch(
            Person("Diallo", "Mamadou", "1978-01-01"),
            Person("Diallo", "Mamadou", "1978-01-01"),
            MatchLevel.Possible, MatchReason.ExactNames, MatchReason.ApproximateBirthDate, MatchReason.SameSex);
    }

    [Fact]
    public void DifferentSex_IsPossibleMatchAtMost()
    {
        AssertMatch(
            Person("Petrov", "Sacha", "1988-07-30", Sex.Male),
            Person("Petrov", "Sacha", "1988-07-30", Sex.Female),
            MatchLevel.Possible, MatchReason.ExactNames, MatchReason.SameBirthDate, MatchReason.DifferentSex);
    }

    [Fact]
    public void UnknownSex_IsPossibleMatchAtMost()
    {
        AssertMatch(
            Person("Petrov", "Sacha", "1988-07-30", Sex.Unknown),
            Person("Petrov", "Sacha", "1988-07-30", Sex.Male),
            MatchLevel.Possible, MatchReason.ExactNames, MatchReason.SameBirthDate, MatchReason.UnknownSex);
    }

    [Fact]
    public void SiblingsSharingALastNameAndABirthDate_DoNotMatch()
    {
        AssertMatch(
            Person("Coulibaly", "Awa", "1995-05-12", Sex.Female),
            Person("Coulibaly", "Fanta", "1995-05-12", Sex.Female),
            MatchLevel.None, MatchReason.DifferentNames, MatchReason.SameBirthDate);
    }

    [Fact]
    public void DifferentFullBirthDates_DoNotMatch()
    {
        AssertMatch(
            Person("Martin", "Jean", "1960-03-12"),
            Person("Martin", "Jean", "1960-05-20"),
            MatchLevel.None, MatchReason.ExactNames, MatchReason.DifferentBirthDates);
    }
}
