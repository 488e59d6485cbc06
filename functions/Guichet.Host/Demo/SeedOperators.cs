namespace Guichet.Host.Demo;

/// <summary>
/// The operators named in seed 003 (ARS Île-de-France, "Un guichet unique pour le secteur des personnes confrontées
/// à des difficultés spécifiques"): the consortium that reads the dossiers and holds the commissions, and the two
/// operators whose structures the seed describes. Used in demonstration data only.
/// </summary>
public static class SeedOperators
{
    private const string Consortium = "Consortium du guichet unique : lecture des dossiers et commissions d'admissibilité";

    /// <summary>The operators, the consortium's referent first.</summary>
    public static IReadOnlyList<DemoOperator> All { get; } =
    [
        new("op-emmaus-alternatives", "Emmaüs Alternatives", Consortium + " (opérateur référent)", []),
        new("op-aurore", "Aurore", Consortium, []),
        new("op-interlogement-93", "Interlogement 93", Consortium, []),
        new("op-groupement-abri", "Groupement Abri", Consortium, []),
        new("op-groupe-sos-solidarites", "Groupe SOS Solidarités", Consortium, []),
        new("op-basiliade", "BASILIADE", "Gestionnaire d'ACT (guichet unique parisien des ACT pendant 8 ans)",
            ["Maison Chemin Vert : 45 places d'ACT, Paris 11e, logements diffus dans l'Est parisien"]),
        new("op-oppelia", "Oppelia", "Gestionnaire d'ACT pour personnes usagères de drogues",
            ["Le Trait d'Union : 20 places d'ACT, Villeneuve-la-Garenne (92), usage de drogues accepté, couples et animaux acceptés"]),
    ];
}
