namespace Guichet.Domain.Placement;

/// <summary>The published French text of each <see cref="SkipReason"/>, as a prescriber reads why its dossier was passed over.</summary>
public static class SkipReasons
{
    /// <summary>The French text of <paramref name="reason"/>.</summary>
    public static string Text(SkipReason reason) => reason switch
    {
        SkipReason.OtherDevice => "Le dossier relève d'un autre dispositif que celui de la place.",
        SkipReason.NoLongerWaiting => "Le dossier n'est plus en liste d'attente depuis le classement.",
        SkipReason.PendingCandidacy => "Le dossier a déjà une candidature en cours pour une autre place.",
        SkipReason.AlreadyProposedHere => "Le dossier a déjà été proposé pour cette place.",
        SkipReason.CoupleNotAccepted => "La place n'accueille pas de couple.",
        SkipReason.ChildrenNotAccepted => "La place n'accueille pas d'enfant.",
        SkipReason.PetsNotAccepted => "La place n'accepte pas d'animal.",
        SkipReason.SubstanceUseNotAccepted => "La place n'accueille pas de consommation active de produits.",
        SkipReason.NotAccessible => "La place n'est pas accessible à une personne à mobilité réduite.",
        SkipReason.NoPsychiatricSupport => "La place n'offre pas de suivi psychiatrique.",
        SkipReason.NotNearDialysis => "La place n'est pas à proximité d'un centre de dialyse.",
        SkipReason.NoDailyNursingCare => "La place n'offre pas de soins infirmiers quotidiens.",
        SkipReason.WomenOnlyPlace => "La place est réservée aux femmes.",
        SkipReason.OutsideWishedDepartments => "La structure est hors des départements souhaités.",
        _ => WireName.Of(reason),
    };

    /// <summary>The texts of <paramref name="reasons"/>, joined for one line of the record.</summary>
    public static string Explain(IEnumerable<SkipReason> reasons) => string.Join(" ", reasons.Select(Text));
}
