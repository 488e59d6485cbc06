using Guichet.Deciders;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Steps;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Runtime.Workflows;

namespace Guichet.Runtime.Tests.Steps;

/// <summary>
/// Each step of an instance is later than the one before, even when the host that plans it has a clock behind the
/// host that wrote the last one: the instance list breaks ties between copies of a row on <c>UpdatedAt</c>.
/// </summary>
public sealed class UpdatedAtTests
{
    private static readonly DateTimeOffset Written = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly IWorkflow Probe = new WorkflowRegistry([new ProbeWorkflow()]).Get(ProbeWorkflow.TypeName);

    [Fact]
    public void AHostWhoseClockIsBehind_AppliesAnEvent_AfterTheLastStep()
    {
        var record = Started();
        var behind = new StepPlanner(Probe, PlannerHost.Chain, Written.AddSeconds(-3));

        var step = behind.Apply(record, Add("a1"), null, null, Probe.Version);

        Assert.Equal(RaiseResult.Applied, step.Result);
        Assert.True(step.Commit!.Record.UpdatedAt > record.UpdatedAt, $"{step.Commit.Record.UpdatedAt:O} is not after {record.UpdatedAt:O}");
    }

    [Fact]
    public void AHostWhoseClockIsBehind_BuffersAnEvent_AfterTheLastStep()
    {
        var record = Started() with { RuntimeStatus = RuntimeStatus.Suspended };
        var behind = new StepPlanner(Probe, PlannerHost.Chain, Written.AddSeconds(-3));

        var step = behind.Apply(record, Add("a1"), null, null, Probe.Version);

        Assert.Equal(RaiseResult.Buffered, step.Result);
        Assert.True(step.Commit!.Record.UpdatedAt > record.UpdatedAt, $"{step.Commit.Record.UpdatedAt:O} is not after {record.UpdatedAt:O}");
    }

    [Fact]
    public void AHostWhoseClockIsAhead_StampsItsOwnNow()
    {
        var ahead = Written.AddMinutes(1);
        var step = new StepPlanner(Probe, PlannerHost.Chain, ahead).Apply(Started(), Add("a1"), null, null, Probe.Version);

        Assert.Equal(ahead, step.Commit!.Record.UpdatedAt);
    }

    private static InstanceRecord Started() =>
        new StepPlanner(Probe, PlannerHost.Chain, Written).Start("probe-1", "{}"u8.ToArray(), "tester", null, null).Commit!.Record;

    private static WorkflowEvent Add(string eventId) =>
        new("add", ProbeWorkflow.Json(new { amount = 1 }), eventId, EventOrigin.External, "tester");
}
