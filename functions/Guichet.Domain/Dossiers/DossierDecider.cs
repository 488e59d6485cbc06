using Guichet.Deciders;
using static Guichet.Domain.Dossiers.DossierStatus;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// The dossier workflow (DESIGN §3): one instance per person and device, from the request it is opened from to
/// its end. Every rule is one arm of <see cref="Decide"/>; what a step tells the prescribers, which read-model
/// rows it writes and whether the instance completes follow from the states before and after it
/// (<see cref="DossierOutcome"/>), so that no rule can forget them.
/// </summary>
/// <param name="policy">The delays of the lifecycle.</param>
public sealed partial class DossierDecider(DossierPolicy policy) : Decider<OpenDossier, Dossier, DossierEvent>
{
    /// <summary>The workflow type's name.</summary>
    public const string TypeName = "dossier";

    private readonly DossierPolicy _policy = Checked(policy);

    /// <summary>A dossier workflow with the default delays (<see cref="DossierPolicy.Default"/>).</summary>
    public DossierDecider()
        : this(DossierPolicy.Default)
    {
    }

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override EventCatalog<DossierEvent> Events { get; } = new EventCatalog<DossierEvent>()
        .Add<RequestUpdated>(DossierEventNames.RequestUpdated)
        .Add<RequestMerged>(DossierEventNames.RequestMerged)
        .Add<MergedInto>(DossierEventNames.MergedInto)
        .Add<DuplicateReviewed>(DossierEventNames.DuplicateReviewed)
        .Add<PossibleDuplicatesFound>(DossierEventNames.PossibleDuplicatesFound)
        .Add<MedicalReadingRecorded>(DossierEventNames.MedicalReadingRecorded)
        .Add<SocialReadingRecorded>(DossierEventNames.SocialReadingRecorded)
        .Add<InformationProvided>(DossierEventNames.InformationProvided)
        .Add<InformationReminderDue>(DossierEventNames.InformationReminder)
        .Add<InformationDeadlineDue>(DossierEventNames.InformationDeadline)
        .Add<PutOnAgenda>(DossierEventNames.PutOnAgenda)
        .Add<CommissionDecided>(DossierEventNames.CommissionDecided)
        .Add<Withdrawn>(DossierEventNames.Withdrawn)
        .Add<DossierMerged>(DossierEventNames.DossierMerged)
        .Add<MergeAccepted>(DossierEventNames.MergeAccepted)
        .Add<Placement.CandidacyProposed>(DossierEventNames.CandidacyProposed)
        .Add<Placement.CandidacyEnded>(DossierEventNames.CandidacyEnded)
        .Add<EventNotDelivered>(DossierEventNames.DeliveryFailed)
        .Add<WaitingConfirmed>(DossierEventNames.WaitingConfirmed)
        .Add<ConfirmationReminderDue>(DossierEventNames.ConfirmationReminder)
        .Add<ConfirmationDue>(DossierEventNames.ConfirmationDue)
        .Add<ConfirmationDeadlineDue>(DossierEventNames.ConfirmationDeadline)
        .Add<RefusalContested>(DossierEventNames.RefusalContested)
        .Add<RefusalReviewed>(DossierEventNames.RefusalReviewed);

    /// <summary>
    /// Opens the dossier as received, from its request alone: the request date counts from its submission, the
    /// possible duplicates intake found wait for a person's review (never merged silently).
    /// </summary>
    public override Decision<Dossier> Start(OpenDossier input, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        var request = input.Request;
        var duplicates = input.PossibleDuplicates
            .Where(p => p.DossierId != context.InstanceId)
            .DistinctBy(p => p.DossierId, StringComparer.Ordinal)
            .ToArray();
        var dossier = new Dossier(context.InstanceId, request.Device, [request], request.SubmittedAt, duplicates, null, null, null, null, null, null)
        {
            OpenedAt = context.Now,
        };
        return DossierOutcome.Of(null, Decision.Accept(dossier), context.Now);
    }

    /// <summary>Decides what an event does to the dossier: one arm per rule, by status and event.</summary>
    public override Decision<Dossier> Decide(Dossier state, DossierEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(context);
        var now = context.Now;
        var decision = (state.Status, happened) switch
        {
            (_, RequestMerged or DossierMerged) when state.End is not null => Decision.Reject(
                $"Le dossier {state.Id} est clos ({Describe(state.Status)}) : un dossier terminé reste de l'historique et ne reçoit plus de demande ; la demande garde son propre dossier."),
            _ when state.End is not null => Decision.Reject($"Le dossier est clos ({Describe(state.Status)}) : plus rien n'y change."),
            (_, RequestUpdated or RequestMerged or DossierMerged or MergedInto or DuplicateReviewed or Withdrawn or Placement.CandidacyProposed) when state.MergingInto is { } merge =>
                Decision.Reject($"Ce dossier est en cours de fusion dans le dossier {merge.DossierId} : réessayez dans un instant."),

            (_, RequestUpdated u) => UpdateRequest(state, u.Request),
            (_, RequestMerged m) => MergeRequest(state, m, now),
            (_, DossierMerged m) => JoinDossier(state, m, now),
            (_, MergedInto m) => HandOver(state, m.DossierId, m.Reason, now),
            (_, DuplicateReviewed r) => ReviewDuplicate(state, r, now),
            (_, PossibleDuplicatesFound f) => ListPossibleDuplicates(state, f),
            (_, MergeAccepted a) => EndAsMerged(state, a, now),
            (_, EventNotDelivered f) => MergeRefused(state, f, now),

            (_, MedicalReadingRecorded r) => Record(state, ReadingOf(r.Reading), state with { Medical = r.Reading }, now),
            (_, SocialReadingRecorded r) => Record(state, ReadingOf(r.Reading), state with { Social = r.Reading }, now),

            (NeedsInformation, InformationProvided p) => Answer(state, p.Answer),
            (_, InformationProvided) => Decision.Reject("Aucune information n'est demandée au prescripteur pour ce dossier."),
            (NeedsInformation, InformationReminderDue) when now < state.Information!.DueAt => Remind(state, now),
            (NeedsInformation, InformationDeadlineDue) when now >= state.Information!.DueAt => CloseAsIncomplete(state, now),
            (_, InformationReminderDue or InformationDeadlineDue) => Decision.Reject("Aucune demande d'informations n'arrive à échéance pour ce dossier."),

            (AwaitingCommission, PutOnAgenda p) => TakeOnAgenda(state, p.SessionId),
            (_, PutOnAgenda) => Decision.Reject($"Seul un dossier en attente de commission peut être inscrit à l'ordre du jour ; celui-ci est {Describe(state.Status)}."),
            (AwaitingCommission, CommissionDecided d) => ApplyDecision(state, d, now),
            (_, CommissionDecided) => Decision.Reject($"La commission ne décide que d'un dossier en attente de commission ; celui-ci est {Describe(state.Status)}."),

            (_, Withdrawn w) => Withdraw(state, w, now),

            (_, Placement.CandidacyProposed p) => TakeProposal(state, p, now),
            (_, Placement.CandidacyEnded e) => EndCandidacy(state, e, now),

            (_, WaitingConfirmed c) => Confirm(state, c, now),
            (_, ConfirmationReminderDue) => RemindConfirmation(state, now),
            (_, ConfirmationDue) => AskAgain(state, now),
            (_, ConfirmationDeadlineDue) => Expire(state, now),
            (_, RefusalContested c) => Contest(state, c, now),
            (_, RefusalReviewed r) => Review(state, r, now),

            _ => throw new ArgumentOutOfRangeException(nameof(happened), happened.GetType().Name, "Not an event of the dossier workflow."),
        };
        return DossierOutcome.Of(state, FollowConfirmation(state, decision, now), now);
    }

    /// <summary>The status's wire spelling ("awaiting-commission").</summary>
    public override string StatusOf(Dossier state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return WireName.Of(state.Status);
    }

    private static DossierPolicy Checked(DossierPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.InformationDeadline, TimeSpan.Zero, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.InformationReminderBefore, TimeSpan.Zero, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy.InformationReminderBefore, policy.InformationDeadline, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.ConfirmationMonths, 1, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.ConfirmationReminderMonths, 0, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy.ConfirmationReminderMonths, policy.ConfirmationMonths, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThan(policy.ConfirmationGraceMonths, 1, nameof(policy));
        return policy;
    }

    /// <summary>A status as French readers read it, for rejections.</summary>
    private static string Describe(DossierStatus status) => status switch
    {
        Received => "reçu",
        UnderReview => "en cours de lecture",
        NeedsInformation => "en attente d'informations du prescripteur",
        AwaitingCommission => "en attente de commission",
        WaitingList => "en liste d'attente",
        Proposed => "proposé à une structure",
        Admitted => "admis",
        NotAdmissible => "non admissible",
        DossierStatus.Withdrawn => "retiré",
        Expired => "expiré",
        Closed => "clos",
        Merged => "fusionné",
        _ => WireName.Of(status),
    };
}
