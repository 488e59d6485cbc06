using Guichet.Domain.Intake;

namespace Guichet.Host.Demo;

/// <summary>
/// The 26 participatory health centres ("santé participative") of seed 000 (Ministère des Solidarités et de la
/// Santé, 31 January 2022), as prescriber organisations: real names, used in demonstration data only.
/// </summary>
public static class ParticipatoryHealthCentres
{
    /// <summary>The 26 centres, in the seed's order.</summary>
    public static IReadOnlyList<DemoPrescriber> All { get; } =
    [
        Centre("village-2-sante", "Village 2 Santé", "Echirolles", "38", "Auvergne-Rhône-Alpes"),
        Centre("sante-commune", "Santé Commune", "Vaulx-en-Velin", "69", "Auvergne-Rhône-Alpes"),
        Centre("mus-neuhof", "La Maison urbaine de santé du Neuhof", "Strasbourg", "67", "Grand-Est"),
        Centre("acsbe-la-place-sante", "ACSBE La Place Santé", "Saint-Denis", "93", "Île-de-France"),
        Centre("case-de-sante", "La Case de Santé", "Toulouse", "31", "Occitanie"),
        Centre("chateau-en-sante", "Le Château en santé", "Marseille", "13", "Provence-Alpes-Côte d'Azur"),
        Centre("diaconat-protestant", "Diaconat Protestant", "Valence", "26", "Auvergne-Rhône-Alpes"),
        Centre("pole-sante-chambery", "Pôle Santé Chambéry", "Chambéry", "73", "Auvergne-Rhône-Alpes"),
        Centre("psi-st-martin-d-heres", "Pôle de Santé Interprofessionnel de St Martin d'Hères", "Saint-Martin-d'Hères", "38", "Auvergne-Rhône-Alpes"),
        Centre("cds-leon-blum", "Agir Ensemble Pour Notre Santé – Centre de santé Léon Blum", "Belfort", "90", "Bourgogne-Franche-Comté"),
        Centre("cds-stetho-scop", "Centre de santé Stétho'Scop", "Hennebont", "56", "Bretagne"),
        Centre("cds-blosne", "Centre de santé du Blosne", "Rennes", "35", "Bretagne"),
        Centre("msp-rennes-nord-ouest", "Avenir Santé Villejean Beauregard – Maison de santé pluriprofessionnelle Rennes Nord-Ouest", "Rennes", "35", "Bretagne"),
        Centre("ms-hautepierre", "Maison de Santé de Hautepierre", "Strasbourg", "67", "Grand-Est"),
        Centre("cds-abej-solidarite", "Centre de Santé Abej Solidarité", "Lille", "59", "Hauts-de-France"),
        Centre("msp-kruysbellaert", "Maison de santé pluriprofessionnelle du Kruysbellaert", "Dunkerque", "59", "Hauts-de-France"),
        Centre("msp-montsoleil", "Maison de santé pluriprofessionnelle SISA Montsoleil", "Outreau", "62", "Hauts-de-France"),
        Centre("cms-fabrique-de-sante", "Centre municipal de santé « La Fabrique de Santé »", "Aubervilliers", "93", "Île-de-France"),
        Centre("msp-mathagon", "Maison de Santé pluriprofessionnelle Mathagon", "Paris", "75", "Île-de-France"),
        Centre("ms-pyrenees-belleville", "Maison de Santé Pyrénées-Belleville – SISA des Envierges", "Paris", "75", "Île-de-France"),
        Centre("cds-3-cites", "Association de gestion du Centre de santé des 3 Cités", "Poitiers", "86", "Nouvelle-Aquitaine"),
        Centre("psla-grace-de-dieu", "Pôle Santé Libéral et Ambulatoire de la Grâce de Dieu", "Caen", "14", "Normandie"),
        Centre("human-sante", "Human Santé", "Montpellier", "34", "Occitanie"),
        Centre("ms-olivier", "SISA Maison de Santé de l'Olivier", "La Trinité", "06", "Provence-Alpes-Côte d'Azur"),
        Centre("msp-peyssonnel", "Maison de Santé pluriprofessionnelle Peyssonnel", "Marseille", "13", "Provence-Alpes-Côte d'Azur"),
        Centre("msp-hauts-de-saint-aubin", "Maison de Santé pluriprofessionnelle des Hauts de Saint-Aubin", "Angers", "49", "Pays de la Loire"),
    ];

    private static DemoPrescriber Centre(string id, string name, string city, string department, string region) =>
        new("csp-" + id, name, PrescriberType.HealthCentre, city, department, region);
}
