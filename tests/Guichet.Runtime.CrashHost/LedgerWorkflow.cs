using System.Text.Json;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.CrashHost;

/// <summary>
/// The crash tests' workflow: "credit" adds an amount, tells a receiver queue, and may forward the amount to
/// another instance ("forwarded"). Its state is order-independent, so runs with different interleavings compare.
/// </summary>
public sealed class LedgerWorkflow : Workflow<LedgerState>
{
    public const string TypeName = "ledger";

    public override string Type => TypeName;

    public override Decision<LedgerState> Start(WorkflowStart start, DateTimeOffset now) =>
        new(new LedgerState { Receiver = start.Input.GetProperty("receiver").GetString()! }, "Open");

    public override Decision<LedgerState> Decide(LedgerState state, WorkflowEvent happened, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(happened);
        var amount = happened.Payload.GetProperty("amount").GetInt32();
        if (happened.Name == "forwarded")
        {
            return new(state with { Received = state.Received + amount, ForwardCount = state.ForwardCount + 1 }, "Open");
        }

        var next = state with { Total = state.Total + amount, Count = state.Count + 1 };
        var effects = new List<Effect>
        {
            new SendMessage(state.Receiver, JsonSerializer.SerializeToElement(new { eventId = happened.EventId, amount }, WorkflowJson.Options)),
        };
        if (happened.Payload.TryGetProperty("forward", out var forward) && forward.GetString() is { } target)
        {
            effects.Add(new SendEvent(target, "forwarded", JsonSerializer.SerializeToElement(new { amount }, WorkflowJson.Options)));
        }

        return new(next, effects, "Open");
    }
}

public sealed record LedgerState
{
    public string Receiver { get; init; } = "";
    public long Total { get; init; }
    public int Count { get; init; }
    public long Received { get; init; }
    public int ForwardCount { get; init; }
}
