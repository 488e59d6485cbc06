using FsCheck;
using FsCheck.Fluent;
using Guichet.Runtime.Tests.Workflows;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>What happens to an instance next: the alphabet of the step planner's property tests.</summary>
internal abstract record Operation
{
    private static readonly string[] EventIds = [.. Enumerable.Range(0, 10).Select(i => $"ev-{i}")];

    /// <summary>An event raised from outside, its id from a small pool so that duplicates come often; a crash stops the host right after the commit.</summary>
    public sealed record Raise(RaiseKind Kind, string EventId, string Timer, int Seconds, bool Crash) : Operation;

    public sealed record Suspend : Operation;

    public sealed record Resume(bool Crash) : Operation;

    public sealed record Advance(int Seconds) : Operation;

    /// <summary>The timer poller's pass; when the index rows cannot be cleared, they fire again next time.</summary>
    public sealed record FireDue(bool ClearFails) : Operation;

    /// <summary>The sweeper: carries out what crashed steps left in the outbox and applies what waits in the inbox.</summary>
    public sealed record Sweep : Operation;

    /// <summary>An administrator rewinds a failed instance past the event that failed (nothing when it has not failed).</summary>
    public sealed record Rewind(bool Crash) : Operation;

    /// <summary>An administrator retries the event a failed instance failed on (the bug is still there: it fails again).</summary>
    public sealed record Retry(bool Crash) : Operation;

    /// <summary>Sequences of up to 40 operations, weighted towards events, some refused, unbound or failing, with rewinds and retries.</summary>
    public static Arbitrary<Operation[]> Sequences()
    {
        var crash = Gen.Frequency((1, Gen.Constant(true)), (6, Gen.Constant(false)));
        var raise =
            from kind in Gen.Frequency(
                (4, Gen.Constant(RaiseKind.Append)),
                (3, Gen.Constant(RaiseKind.Arm)),
                (1, Gen.Constant(RaiseKind.Disarm)),
                (1, Gen.Constant(RaiseKind.Refuse)),
                (1, Gen.Constant(RaiseKind.Unbound)),
                (1, Gen.Constant(RaiseKind.Boom)))
            from id in Gen.Elements(EventIds)
            from timer in Gen.Elements(ChainWorkflow.TimerNames.ToArray())
            from seconds in Gen.Choose(1, 20)
            from crashes in crash
            select (Operation)new Raise(kind, id, timer, seconds, crashes);
        var operation = Gen.Frequency(
            (8, raise),
            (1, Gen.Constant((Operation)new Suspend())),
            (1, crash.Select(c => (Operation)new Resume(c))),
            (3, Gen.Choose(1, 15).Select(s => (Operation)new Advance(s))),
            (3, crash.Select(c => (Operation)new FireDue(c))),
            (1, Gen.Constant((Operation)new Sweep())),
            (2, crash.Select(c => (Operation)new Rewind(c))),
            (1, crash.Select(c => (Operation)new Retry(c))));
        return Gen.Choose(0, 40).SelectMany(n => operation.ArrayOf(n)).ToArbitrary();
    }
}

/// <summary>The events of <see cref="ChainWorkflow"/> a test raises.</summary>
internal enum RaiseKind
{
    Append,
    Arm,
    Disarm,

    /// <summary>The decider rejects it.</summary>
    Refuse,

    /// <summary>An "arm" whose payload does not bind to its record.</summary>
    Unbound,

    /// <summary>The decider throws: the instance fails.</summary>
    Boom,
}
