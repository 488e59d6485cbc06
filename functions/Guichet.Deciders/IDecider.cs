namespace Guichet.Deciders;

/// <summary>
/// What every decider says of itself, whatever its types; implemented by <see cref="Decider{TStart, TState, TEvent}"/>
/// only, so that a runtime can register any decider from one list.
/// </summary>
public interface IDecider
{
    /// <summary>The workflow type's stable name, recorded on each instance.</summary>
    string Type { get; }

    /// <summary>The version of the state and event shapes this code reads and writes (1 or more).</summary>
    int Version { get; }
}
