using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;

namespace Guichet.Runtime.Steps;

/// <summary>A planned step: the commit to make (none when nothing changes) and the result it stands for.</summary>
internal sealed record Step(Commit? Commit, RaiseResult Result)
{
    public static Step Refused(RaiseResult result) => new(null, result);
}
