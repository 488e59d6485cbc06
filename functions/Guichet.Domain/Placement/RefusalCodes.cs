namespace Guichet.Domain.Placement;

/// <summary>The refusal nomenclature as published: each code's family.</summary>
public static class RefusalCodes
{
    /// <summary>The family of <paramref name="code"/>.</summary>
    public static RefusalFamily FamilyOf(RefusalCode code) => code switch
    {
        RefusalCode.NeedsHospitalCare or RefusalCode.OtherDeviceSuited or RefusalCode.OutsideStructureProject or RefusalCode.CareNeedsNotMet => RefusalFamily.NotEligible,
        _ => RefusalFamily.Practical,
    };

    /// <summary>The codes of a family, in the published order, spelled as on the wire, for messages that list them.</summary>
    public static string Listed(RefusalFamily family) =>
        string.Join(", ", Enum.GetValues<RefusalCode>().Where(c => FamilyOf(c) == family).Select(WireName.Of));
}
