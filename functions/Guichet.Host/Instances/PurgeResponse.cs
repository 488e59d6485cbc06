namespace Guichet.Host.Instances;

/// <summary>The result of a purge, as Durable Functions reports it.</summary>
/// <param name="InstancesDeleted">How many instances were deleted with their history.</param>
public sealed record PurgeResponse(int InstancesDeleted);
