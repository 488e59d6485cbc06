using Guichet.Host;
using Guichet.Runtime.Queues;
using Microsoft.Extensions.DependencyInjection;

namespace Guichet.Infra.Tests;

/// <summary>
/// The queues the host listens to, read from the registration the host itself runs
/// (<see cref="TriggerRegistration.AddGuichetTriggers"/>), so that a new queue trigger is checked against the
/// Bicep without being copied anywhere.
/// </summary>
internal static class HostQueues
{
    /// <summary>Every queue of a registered queue trigger, in registration order.</summary>
    public static IReadOnlyList<string> All { get; } = new ServiceCollection().AddGuichetTriggers()
        .Select(d => d.ImplementationInstance)
        .OfType<QueueTriggerRegistration>()
        .Select(r => r.Queue)
        .ToList();

    /// <summary>Theory data: one row per queue.</summary>
    public static TheoryData<string> Rows() => [.. All];
}
