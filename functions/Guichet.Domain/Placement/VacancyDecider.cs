using Guichet.Deciders;

namespace Guichet.Domain.Placement;

/// <summary>
/// The vacancy workflow: one instance per free place (DESIGN §3). It takes the matching's proposals, holds the
/// candidacies and their 15-day clock, records the structure's answers, and is filled by exactly one admission.
/// </summary>
/// <remarks>
/// Candidacies live inside their vacancy rather than as instances of their own, because the invariants that bind them
/// are the place's: at most three pending per place, one admission only, and the others then ending as "place filled by
/// another candidate" (invariant 3); an alert exactly once per overdue candidacy (invariant 5). One instance decides
/// them one event at a time, so two admissions of the same place can never both commit, and an overdue transition,
/// being a change of that one state, can never be alerted twice. Separate candidacy instances would each hold a part
/// and need a protocol between them to keep those promises. The other half of invariant 3 — a dossier in at most one
/// pending candidacy across places — spans vacancies: the matching never proposes a dossier pending elsewhere, and the
/// dossier's own decider is the last word (it refuses a second proposal, which comes back here as
/// <see cref="CandidacyNotDelivered"/> and withdraws that candidacy). One clock timer serves all the candidacies: it is
/// set to the next reminder or deadline after every step.
/// </remarks>
/// <param name="policy">The delays of a candidacy.</param>
public sealed partial class VacancyDecider(PlacementPolicy policy) : Decider<DeclareVacancy, Vacancy, VacancyEvent>
{
    /// <summary>The workflow type's name.</summary>
    public const string TypeName = "vacancy";

    private readonly PlacementPolicy _policy = Checked(policy);

    /// <summary>A vacancy workflow with the default delays (<see cref="PlacementPolicy.Default"/>).</summary>
    public VacancyDecider()
        : this(PlacementPolicy.Default)
    {
    }

    /// <inheritdoc />
    public override string Type => TypeName;

    /// <inheritdoc />
    public override EventCatalog<VacancyEvent> Events { get; } = new EventCatalog<VacancyEvent>()
        .Add<CandidatesProposed>(VacancyEventNames.CandidatesProposed)
        .Add<NoCandidateFound>(VacancyEventNames.NoCandidateFound)
        .Add<CandidacyDecided>(VacancyEventNames.CandidacyDecided)
        .Add<CandidacyClockDue>(VacancyEventNames.CandidacyClock)
        .Add<AdmittedElsewhere>(VacancyEventNames.AdmittedElsewhere)
        .Add<CandidateLeft>(VacancyEventNames.CandidateLeft)
        .Add<AdmissionConfirmed>(VacancyEventNames.AdmissionConfirmed)
        .Add<VacancyCancelled>(VacancyEventNames.VacancyCancelled)
        .Add<CandidacyNotDelivered>(VacancyEventNames.DeliveryFailed);

    /// <summary>Declares the place free, with no candidacy: it asks the matching for three candidates.</summary>
    public override Decision<Vacancy> Start(DeclareVacancy input, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(context);
        if (input.Place is null || string.IsNullOrWhiteSpace(input.Place.StructureId) || string.IsNullOrWhiteSpace(input.StructureName))
        {
            return Decision.Reject("Une place libre nomme sa structure.");
        }

        var violations = new List<Violation>();
        Structures.StructureValidation.CheckFeatures(input.Place.Features, "$.place.features", (path, message) => violations.Add(new(path, message)));
        if (!Enum.IsDefined(input.Place.Device) || !Enum.IsDefined(input.Place.Department) || violations.Count > 0)
        {
            return Decision.Reject($"Place libre invalide : {string.Join(" ", violations.Select(v => $"{v.Path} : {v.Message}").DefaultIfEmpty("dispositif ou département inconnu."))}");
        }

        var vacancy = new Vacancy(context.InstanceId, input.Place, input.StructureName.Trim(), context.Now, [], []);
        return VacancyOutcome.Of(null, Decision.Accept(vacancy));
    }

    /// <summary>Decides what an event does to the vacancy: the clock is caught up first, then one arm per rule.</summary>
    public override Decision<Vacancy> Decide(Vacancy state, VacancyEvent happened, EventContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        ArgumentNullException.ThrowIfNull(context);
        if (state.End is { } end)
        {
            return VacancyOutcome.Of(state, Ended(state, end, happened, context));
        }

        var (caught, clock) = CandidacyClock.CatchUp(state, context.Now);
        var decision = happened switch
        {
            CandidacyClockDue => clock.Count > 0 ? Decision.Accept(caught) : Decision.Reject("Aucun rappel ni aucune échéance de candidature n'est dû pour cette place."),
            CandidatesProposed proposed => Propose(caught, proposed.Match, context),
            NoCandidateFound none => NoneFound(caught, none, context.Now),
            CandidacyDecided decided => Answer(caught, decided, context),
            AdmittedElsewhere admitted => EndElsewhere(caught, admitted, context.Now),
            CandidateLeft left => Left(caught, left, context.Now),
            VacancyCancelled cancelled => Cancel(caught, cancelled, context),
            CandidacyNotDelivered failed => Undelivered(caught, failed, context.Now),
            AdmissionConfirmed => Decision.Reject("Cette place n'est pas pourvue : aucune admission n'attend de confirmation."),
            _ => throw new ArgumentOutOfRangeException(nameof(happened), happened.GetType().Name, "Not an event of the vacancy workflow."),
        };
        return VacancyOutcome.Of(state, decision.IsRejected ? decision : Decision.Accept(decision.State!, [.. clock, .. decision.Effects]));
    }

    /// <summary>The status's wire spelling ("awaiting-answers").</summary>
    public override string StatusOf(Vacancy state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return WireName.Of(state.Status);
    }

    private static PlacementPolicy Checked(PlacementPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.AnswerDeadline, TimeSpan.Zero, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(policy.ReminderAfter, TimeSpan.Zero, nameof(policy));
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(policy.ReminderAfter, policy.AnswerDeadline, nameof(policy));
        return policy;
    }
}
