using Guichet.Domain;

namespace Guichet.Host.Readings;

/// <summary>The territorial anchoring the social reader assessed.</summary>
/// <param name="Departments">The départements of the region where the person is followed ("93"); none when absent.</param>
/// <param name="Since">Since when the person is followed in the region, <c>YYYY-MM-DD</c> or <c>YYYY</c>; unknown when absent.</param>
public sealed record AnchoringRequest(IReadOnlyList<Department>? Departments, PartialDate? Since);
