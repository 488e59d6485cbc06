using Guichet.Host.Http;
using Guichet.Runtime.Instances;

namespace Guichet.Host.Tests.Http;

/// <summary>The mapping every business route shares: an event refused as Finished is a Failed instance's 409 only when its status says Failed.</summary>
public sealed class RaisedEventsTests
{
    private static RaiseOutcome Finished(RuntimeStatus status) => new(
        RaiseResult.Finished,
        new InstanceStatus
        {
            InstanceId = "d-1",
            WorkflowType = "dossier",
            WorkflowVersion = 1,
            RuntimeStatus = status,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
            PendingTimers = [],
            BufferedEvents = 0,
            HistoryLength = 2,
            HistorySize = 0,
        },
        "Instance 'd-1' has failed: it takes no event until an administrator rewinds it or retries its failed event.");

    [Theory]
    [InlineData(RuntimeStatus.Failed, true)]
    [InlineData(RuntimeStatus.Completed, false)]
    [InlineData(RuntimeStatus.Terminated, false)]
    public void OnlyAFailedInstance_IsAnsweredAsFailed(RuntimeStatus status, bool failed) =>
        Assert.Equal(failed, RaisedEvents.OnFailedInstance(Finished(status)));

    [Fact]
    public void AnOutcomeOtherThanFinished_IsNotAFailedInstance() =>
        Assert.False(RaisedEvents.OnFailedInstance(Finished(RuntimeStatus.Failed) with { Result = RaiseResult.Rejected }));

    [Fact]
    public void TheFailedProblem_Is409InFrench_SayingToRewindOrRetry()
    {
        var problem = RaisedEvents.Failed("Le dossier « d-1 »", "d-1");

        Assert.Equal(409, problem.StatusCode);
        Assert.StartsWith("Le dossier « d-1 » est en échec", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Contains("/api/instances/d-1/rewind ou /retry", problem.ProblemDetails.Detail, StringComparison.Ordinal);
        Assert.Contains("Renvoyez la demande", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void TheOutcomeUri_EscapesTheEventId() =>
        Assert.Equal("http://h/api/dossiers/d-1/event-outcome?eventId=http%3Aalice%3Ak%201", RaisedEvents.OutcomeUri("http://h/api/dossiers/d-1", "http:alice:k 1"));
}
