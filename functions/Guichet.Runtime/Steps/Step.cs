using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

/// <summary>A planned step: the commit to make (none when nothing changes), the result it stands for, and the reason of a refusal.</summary>
internal sealed record Step(Commit? Commit, RaiseResult Result, string? Reason = null)
{
    public static Step Refused(RaiseResult result, string? reason = null) => new(null, result, reason);
}
