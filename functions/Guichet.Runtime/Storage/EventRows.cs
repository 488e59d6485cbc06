using Azure.Data.Tables;
using Guichet.Runtime.Instances;

namespace Guichet.Runtime.Storage;

/// <summary>A buffered event settled by a step: its processed-event row is rewritten with what became of it.</summary>
internal sealed record EventSettlement(string EventId, EventResult Result, string? Reason);

/// <summary>
/// The processed-event row of an event id: written when the event is first met (its insert is what makes a second
/// delivery a duplicate) and rewritten when a buffered event is settled, so that its caller can ask what became of it.
/// </summary>
internal static class EventRows
{
    /// <summary>Reasons are cut to this many characters: a row must stay well under a property's 64 KiB.</summary>
    private const int MaxReasonLength = 4000;

    public static TableEntity ToEntity(string instanceId, EventSettlement settlement) =>
        new(instanceId, RowKeys.Event(settlement.EventId))
        {
            ["EventId"] = settlement.EventId,
            ["Result"] = settlement.Result.ToString(),
            ["Reason"] = settlement.Reason is { Length: > MaxReasonLength } reason ? reason[..MaxReasonLength] : settlement.Reason,
        };

    /// <summary>A row written before results were recorded says nothing more than that the event was processed: applied.</summary>
    public static EventOutcome FromEntity(TableEntity entity) => new(
        entity.GetString("EventId"),
        Enum.TryParse<EventResult>(entity.GetString("Result"), out var result) ? result : EventResult.Applied,
        entity.GetString("Reason"));

    /// <summary>What a step did to the event id it records: buffered it, failed on it, refused it or applied it.</summary>
    public static EventSettlement Of(Commit commit, string eventId) => commit switch
    {
        { Entry.Kind: HistoryKind.Failed } => new(eventId, EventResult.Failed, commit.Entry.Reason),
        { Entry.Kind: HistoryKind.Rejected } => new(eventId, EventResult.Refused, commit.Entry.Reason),
        { Entry: null, InboxAdd: not null } => new(eventId, EventResult.Buffered, commit.Record.Waiting),
        _ => new(eventId, EventResult.Applied, null),
    };
}
