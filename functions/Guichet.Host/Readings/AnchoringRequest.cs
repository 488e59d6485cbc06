using Guichet.Domain;

namespace Guichet.Host.Readings;

/// <summary>The territorial anchoring the social reader assessed.</summary>
public sealed record AnchoringRequest
{
    /// <summary>The départements of the region where the person is followed ("93"); none when absent.</summary>
    public IReadOnlyList<Department>? Departments { get; init; }

    /// <summary>Since when the person is followed in the region, <c>YYYY-MM-DD</c> or <c>YYYY</c>; unknown when absent.</summary>
    public PartialDate? Since { get; init; }
}
