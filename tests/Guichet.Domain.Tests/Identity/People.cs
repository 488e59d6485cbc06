using Guichet.Domain.Intake;

namespace Guichet.Domain.Tests.Identity;

/// <summary>Fictional people, as prescribers would spell them.</summary>
internal static class People
{
    public static Person Person(string lastName, string firstName, string birthDate, Sex sex = Sex.Male, string? ins = null) =>
        new(lastName, firstName, PartialDate.TryParse(birthDate, out var date) ? date! : throw new ArgumentException(birthDate), sex, ins);
}
