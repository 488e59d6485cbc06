using System.Globalization;
using Guichet.Deciders;
using Guichet.Domain.Readings;

namespace Guichet.Domain.Dossiers;

/// <summary>
/// What every accepted step of a dossier does besides its rule's own effects, derived from the states before and
/// after it: the read-model rows that changed are written and those that no longer apply removed; a status
/// change is told to every prescriber whose request the dossier holds, once per request (DESIGN §6); and a
/// dossier that ends completes, so that the runtime cancels its timers.
/// </summary>
public static class DossierOutcome
{
    /// <summary>
    /// The decision with those effects added, in this order: rows, the rule's effects, the status messages,
    /// completion. Rows come before the events a step sends, so that a row this dossier writes is written before
    /// any instance it tells hears of it. A rule that tells the prescribers itself (a merge, an adjournment, a
    /// reminder) has said why; a rejection stays as it is.
    /// </summary>
    /// <param name="before">The state before the step; null for the start.</param>
    /// <param name="decision">The rule's decision.</param>
    /// <param name="now">The instant of the step.</param>
    public static Decision<Dossier> Of(Dossier? before, Decision<Dossier> decision, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(decision);
        if (decision.IsRejected)
        {
            return decision;
        }

        var after = decision.State!;
        var effects = new List<Effect>(RowChanges(before, after));
        effects.AddRange(decision.Effects);
        var told = decision.Effects.Any(e => e is SendMessage { Body: DossierStatusChanged });
        if ((before is null || before.Status != after.Status) && !told)
        {
            effects.AddRange(Tell(after, ReasonOf(after), now));
        }

        if (after.End is { } end && before?.End is null)
        {
            // A dossier that ends otherwise than admitted frees the places it was proposed for (an admission tells them itself).
            if (end.Status != DossierStatus.Admitted)
            {
                effects.AddRange(after.Candidacies.Select(c => new SendEvent(c.VacancyId, Placement.VacancyEventNames.CandidateLeft, new Placement.CandidateLeft(after.Id, end.Reason))));
            }

            effects.Add(new Complete(end));
        }

        return Decision.Accept(after, effects);
    }

    /// <summary>The dossier's current status, told to each prescriber whose request it holds, once per request.</summary>
    public static IReadOnlyList<Effect> Tell(Dossier dossier, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        var status = WireName.Of(dossier.Status);
        return [.. dossier.Requests.Select(r => new SendMessage(DossierStatusChanged.Queue, new DossierStatusChanged(dossier.Id, r.ExternalRef, r.Prescriber.Id, status, now, reason)))];
    }

    /// <summary>Why the dossier is where it is, as <c>dossier-events</c> says it: its end's reason, or the question it must answer.</summary>
    public static string? ReasonOf(Dossier dossier)
    {
        ArgumentNullException.ThrowIfNull(dossier);
        return dossier switch
        {
            { End: { } end } => end.Reason,
            { Information: { } question } => string.Create(CultureInfo.InvariantCulture, $"Informations demandées, réponse attendue avant le {question.DueAt:dd/MM/yyyy} : {QuestionAsTold(question)}"),
            { PendingCandidacy: { } candidacy } => string.Create(CultureInfo.InvariantCulture, $"Proposé à {candidacy.StructureName} ; réponse de la structure attendue avant le {candidacy.DueAt:dd/MM/yyyy}."),
            _ => null,
        };
    }

    /// <summary>
    /// A question as <c>dossier-events</c> carries it. A medical reader's question may hold medical details, and the
    /// queue reaches upstream systems, not a medical reader: its text is read on the guichet, by the prescriber signed in.
    /// </summary>
    public static string QuestionAsTold(InformationRequest question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question.AskedBy == WireName.Of(ReadingKind.Medical)
            ? "la question du médecin lecteur est à lire sur le guichet unique (GET /api/dossiers?externalRef=)."
            : question.Question;
    }

    /// <summary>The rows of <paramref name="after"/> that differ from those of <paramref name="before"/>, then the removals of those gone.</summary>
    private static IEnumerable<Project> RowChanges(Dossier? before, Dossier after)
    {
        var old = before is null ? [] : DossierRows.Of(before).ToDictionary(Key);
        var current = DossierRows.Of(after).ToArray();
        var kept = current.Select(Key).ToHashSet();
        return current.Where(p => !old.TryGetValue(Key(p), out var was) || !Equals(was.Row, p.Row))
            .Concat(old.Values.Where(p => !kept.Contains(Key(p))).Select(p => p with { Row = null }));
    }

    private static (string, string, string) Key(Project row) => (row.Table, row.PartitionKey, row.RowKey);
}
