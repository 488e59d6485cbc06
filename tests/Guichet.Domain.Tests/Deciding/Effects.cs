using Guichet.Deciders;
using Guichet.Domain.Dossiers;

namespace Guichet.Domain.Tests.Deciding;

/// <summary>Reading a decision's effects in a Then.</summary>
internal static class Effects
{
    public static IReadOnlyList<DossierStatusChanged> Messages<TState>(this Decision<TState> decision)
        where TState : notnull =>
        [.. decision.Effects.OfType<SendMessage>().Where(m => m.Queue == DossierStatusChanged.Queue).Select(m => (DossierStatusChanged)m.Body)];

    public static IReadOnlyList<Project> Rows<TState>(this Decision<TState> decision, string table)
        where TState : notnull => [.. decision.Effects.OfType<Project>().Where(p => p.Table == table)];

    public static T Row<T, TState>(this Decision<TState> decision, string table, string partitionKey, string rowKey)
        where TState : notnull =>
        (T)decision.Effects.OfType<Project>().Single(p => p.Table == table && p.PartitionKey == partitionKey && p.RowKey == rowKey).Row!;

    public static bool Removes<TState>(this Decision<TState> decision, string table, string partitionKey, string rowKey)
        where TState : notnull =>
        decision.Effects.OfType<Project>().Any(p => p.Table == table && p.PartitionKey == partitionKey && p.RowKey == rowKey && p.Row is null);

    public static IReadOnlyList<SendEvent> Sent<TState>(this Decision<TState> decision)
        where TState : notnull => [.. decision.Effects.OfType<SendEvent>()];

    public static bool Completes<TState>(this Decision<TState> decision)
        where TState : notnull => decision.Effects.OfType<Complete>().Any();

    /// <summary>A refusal that commits nothing: no state, no effect, a reason in words.</summary>
    public static string Refused<TState>(this Decision<TState> decision)
        where TState : notnull
    {
        Assert.True(decision.IsRejected, "expected a refusal, the event was accepted");
        Assert.Null(decision.State);
        Assert.Empty(decision.Effects);
        return decision.Rejection!;
    }

    public static TState Accepted<TState>(this Decision<TState> decision)
        where TState : notnull
    {
        Assert.False(decision.IsRejected, $"expected the event to be accepted, it was refused: {decision.Rejection}");
        return decision.State!;
    }
}
