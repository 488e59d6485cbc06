using Guichet.Domain.Structures;

namespace Guichet.Domain.Tests.Placement;

/// <summary>The structures the guichet starts with (seed 003), and what a structure may not be.</summary>
public sealed class StructureTests
{
    [Fact]
    public void MaisonCheminVert_Has45ActPlaces_InParis11e()
    {
        var s = StructureCatalog.MaisonCheminVert;

        Assert.Equal(("Maison Chemin Vert", "BASILIADE", Device.Act, Department.Paris, 45, false), (s.Name, s.Operator, s.Device, s.Department, s.Capacity, s.Fictional));
        Assert.Contains("11e", s.Address, StringComparison.Ordinal);
    }

    [Fact]
    public void TraitDUnion_Has20ActPlaces_AcceptingSubstanceUseCouplesAndPets()
    {
        var s = StructureCatalog.TraitDUnion;

        Assert.Equal(("Oppelia", Device.Act, Department.HautsDeSeine, "Villeneuve-la-Garenne", 20), (s.Operator, s.Device, s.Department, s.Address, s.Capacity));
        Assert.Equal([PlaceFeature.SubstanceUseAccepted, PlaceFeature.Couples, PlaceFeature.Pets], s.Features);
    }

    [Fact]
    public void TheCatalog_IsValid_CoversEveryDepartmentAndDevice_AndMarksTheMadeUpOnesFictif()
    {
        Assert.All(StructureCatalog.All, s => Assert.Empty(StructureValidation.Validate(s)));
        Assert.Equal(Enum.GetValues<Department>(), StructureCatalog.All.Select(s => s.Department).Distinct().Order());
        Assert.Equal(Enum.GetValues<Device>(), StructureCatalog.All.Select(s => s.Device).Distinct().Order());
        Assert.All(StructureCatalog.All.Where(s => s.Fictional), s => Assert.StartsWith("FICTIF", s.Name, StringComparison.Ordinal));
        Assert.All(StructureCatalog.All.Where(s => !s.Fictional), s => Assert.DoesNotContain("FICTIF", s.Name, StringComparison.Ordinal));
        Assert.Equal(StructureCatalog.All.Count, StructureCatalog.All.Select(s => s.Id).Distinct().Count());
    }

    [Fact]
    public void AStructure_ListsEveryViolation()
    {
        var broken = new Structure("a/b", " ", "", (Device)9, (Department)12, "", 0, (HousingForm)7, [PlaceFeature.Pets, PlaceFeature.Pets, (PlaceFeature)40]);

        Assert.Equal(
            ["$.id", "$.name", "$.operator", "$.device", "$.department", "$.address", "$.capacity", "$.housing", "$.features[1]", "$.features[2]"],
            StructureValidation.Validate(broken).Select(v => v.Path));
    }

    [Fact]
    public void APlace_OffersOnlyWhatItsStructureOffers()
    {
        var place = Domain.Placement.FreePlace.Of(StructureCatalog.MaisonCheminVert, new DateOnly(2026, 12, 15), [PlaceFeature.Pets, PlaceFeature.NearDialysis]);

        var violation = Assert.Single(place.ValidateFor(StructureCatalog.MaisonCheminVert));
        Assert.Equal("La structure n'offre pas « pets » : une place n'offre que ce que sa structure offre.", violation.Message);
        Assert.NotEmpty(place.ValidateFor(StructureCatalog.TraitDUnion));
    }
}
