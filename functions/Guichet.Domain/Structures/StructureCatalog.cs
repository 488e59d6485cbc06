using static Guichet.Domain.Structures.PlaceFeature;

namespace Guichet.Domain.Structures;

/// <summary>
/// The structures the guichet starts with. Two are real, as seed 003 describes them; the others are made up, named
/// "FICTIF" and flagged <see cref="Structure.Fictional"/>, so that every département of the region and every device
/// has places to match in development and in tests. Nothing is invented about the real ones beyond what the seed says.
/// </summary>
public static class StructureCatalog
{
    /// <summary>
    /// Maison Chemin Vert (BASILIADE), Paris 11e: 45 ACT places, mostly diffuse apartments in the east of Paris; its
    /// residents are sometimes on dialysis, hence near a dialysis centre.
    /// </summary>
    public static Structure MaisonCheminVert { get; } = new(
        "act-75-maison-chemin-vert", "Maison Chemin Vert", "BASILIADE", Device.Act, Department.Paris, "Paris 11e arrondissement", 45, HousingForm.Mixed, [NearDialysis]);

    /// <summary>
    /// Le Trait d'Union (Oppelia), Villeneuve-la-Garenne: 20 ACT apartments for people who use drugs, accepted without
    /// prior withdrawal; a partner or a friend may live with the resident; dogs and cats are welcome.
    /// </summary>
    public static Structure TraitDUnion { get; } = new(
        "act-92-trait-d-union", "Le Trait d'Union", "Oppelia", Device.Act, Department.HautsDeSeine, "Villeneuve-la-Garenne", 20, HousingForm.Diffuse,
        [SubstanceUseAccepted, Couples, Pets]);

    /// <summary>Every structure: the two real ones first, then the fictional ones.</summary>
    public static IReadOnlyList<Structure> All { get; } =
    [
        MaisonCheminVert,
        TraitDUnion,
        Fictional("act-77-les-glycines", "ACT Les Glycines", Device.Act, Department.SeineEtMarne, "Melun", 18, HousingForm.Diffuse, [Couples, Children]),
        Fictional("lam-77-du-val", "LAM du Val", Device.Lam, Department.SeineEtMarne, "Meaux", 18, HousingForm.Collective, [ReducedMobility, DailyNursingCare]),
        Fictional("lhss-78-le-relais", "LHSS Le Relais", Device.Lhss, Department.Yvelines, "Versailles", 15, HousingForm.Collective, [ReducedMobility, DailyNursingCare]),
        Fictional("act-91-horizon", "ACT Horizon", Device.Act, Department.Essonne, "Évry-Courcouronnes", 25, HousingForm.Diffuse, [PsychiatricSupport]),
        Fictional("lam-92-les-acacias", "LAM Les Acacias", Device.Lam, Department.HautsDeSeine, "Nanterre", 30, HousingForm.Collective, [ReducedMobility, DailyNursingCare, NearDialysis]),
        Fictional("lhss-93-le-phare", "LHSS Le Phare", Device.Lhss, Department.SeineSaintDenis, "Saint-Denis", 20, HousingForm.Collective, [SubstanceUseAccepted, Pets, DailyNursingCare]),
        Fictional("act-93-femmes-solidaires", "ACT Femmes solidaires", Device.Act, Department.SeineSaintDenis, "Montreuil", 12, HousingForm.Diffuse, [WomenOnly, Children]),
        Fictional("lam-94-la-roseraie", "LAM La Roseraie", Device.Lam, Department.ValDeMarne, "Créteil", 24, HousingForm.Collective, [ReducedMobility, DailyNursingCare, PsychiatricSupport]),
        Fictional("act-95-les-passerelles", "ACT Les Passerelles", Device.Act, Department.ValDOise, "Cergy", 16, HousingForm.Mixed, [Couples, Pets, ReducedMobility]),
        Fictional("lhss-75-belleville", "LHSS Belleville", Device.Lhss, Department.Paris, "Paris 20e arrondissement", 20, HousingForm.Collective, [ReducedMobility, DailyNursingCare, PsychiatricSupport]),
    ];

    /// <summary>The structure of that id, or null.</summary>
    public static Structure? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    private static Structure Fictional(string id, string name, Device device, Department department, string town, int capacity, HousingForm housing, PlaceFeature[] features) =>
        new(id, $"FICTIF — {name}", "FICTIF — association de démonstration", device, department, $"{town} (adresse fictive)", capacity, housing, features, Fictional: true);
}
