using Guichet.Domain.Commissions;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Domain.Readings;
using Guichet.Domain.Tests.Deciding;

namespace Guichet.Domain.Tests.Dossiers;

/// <summary>Requests, readings and decisions to tell a dossier's story with, each a plain one that tests change.</summary>
internal static class DossierExamples
{
    public const string DossierId = "D-ACT-DIALLO";
    public const string SessionId = "S-ACT-2026-12";

    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static readonly Prescriber Maraude = new("maraude-samu-social-75", PrescriberType.StreetOutreach, "Maraude du Samu social de Paris");
    public static readonly Prescriber Avicenne = new("aphp-avicenne", PrescriberType.Hospital, "Hôpital Avicenne, service social");

    public static Scenario<OpenDossier, Dossier, DossierEvent> Scenario(DossierPolicy? policy = null) =>
        new(policy is null ? new DossierDecider() : new DossierDecider(policy), DossierId, Now);

    /// <summary>Mamadou Diallo's request for an ACT, sent by the Samu social's outreach team, submitted a week ago.</summary>
    public static DossierRequest Request(Prescriber? prescriber = null, string externalRef = "VT-2026-000123", DateTimeOffset? submittedAt = null, Device device = Device.Act) => new(
        externalRef,
        prescriber ?? Maraude,
        device,
        new Person("Diallo", "Mamadou", PartialDate.Of(new DateOnly(1978, 4, 17)), Sex.Male, null),
        new SocialSituation(HousingSituation.StreetOrSquat, AdminStatus.ResidencePermit, new Household(false, 0, true), new Anchoring([Department.SeineSaintDenis, Department.Paris], PartialDate.OfYear(2021))),
        new MedicalSituation([Pathology.Hiv, Pathology.Diabetes], false, true, "VIH suivi à Avicenne, diabète déséquilibré."),
        new Wishes([Department.SeineSaintDenis]),
        submittedAt ?? Now.AddDays(-7));

    public static OpenDossier Open(DossierRequest? request = null, params PossibleDuplicate[] duplicates) => new(request ?? Request(), duplicates);

    public static MedicalReadingRecorded Medical(ReadingVerdict verdict = ReadingVerdict.Eligible, int severity = 4, string? reason = null, Orientation? orientation = null, string? question = null) =>
        new(new MedicalReading(verdict, severity, [CareNeed.ReducedMobility, CareNeed.PsychiatricSupport], reason, orientation, question));

    public static SocialReadingRecorded Social(ReadingVerdict verdict = ReadingVerdict.Eligible, int vulnerability = 3, string? reason = null, Orientation? orientation = null, string? question = null, Anchoring? anchoring = null) =>
        new(new SocialReading(verdict, vulnerability, HousingSituation.EmergencyShelter, anchoring ?? Anchoring.None, reason, orientation, question));

    public static MedicalReadingRecorded MedicalAsks(string question = "Merci de joindre le dernier compte rendu d'hospitalisation.") =>
        Medical(ReadingVerdict.NeedsInformation, question: question);

    public static SocialReadingRecorded SocialAsks(string question = "La personne a-t-elle une domiciliation administrative ?") =>
        Social(ReadingVerdict.NeedsInformation, question: question);

    public static CommissionDecided Admissible(string? priorityOverride = null, string session = SessionId) =>
        new(session, CommissionVerdict.Admissible, null, null, priorityOverride);

    public static CommissionDecided NotAdmissible(NonAdmissibilityCode? code = NonAdmissibilityCode.NoChronicCondition, string? justification = "Pas de pathologie chronique établie au dossier.", string session = SessionId) =>
        new(session, CommissionVerdict.NotAdmissible, code, justification, null);

    public static CommissionDecided Adjourned(string? justification = "Attendre le bilan hépatique en cours.", string session = SessionId) =>
        new(session, CommissionVerdict.Adjourned, null, justification, null);

    /// <summary>The events that bring an opened dossier before the commission, on the agenda of <see cref="SessionId"/>.</summary>
    public static DossierEvent[] ToTheCommission() => [Medical(), Social(), new PutOnAgenda(SessionId)];

    /// <summary>The events that put an opened dossier on the waiting list.</summary>
    public static DossierEvent[] ToTheWaitingList() => [.. ToTheCommission(), Admissible()];
}
