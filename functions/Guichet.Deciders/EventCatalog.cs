namespace Guichet.Deciders;

/// <summary>
/// The closed set of events a workflow accepts: one record type per event name. Names are the wire contract
/// (HTTP routes, queue messages, history), so they are explicit rather than taken from type names.
/// </summary>
/// <typeparam name="TEvent">The base type of the workflow's events.</typeparam>
public sealed class EventCatalog<TEvent>
    where TEvent : notnull
{
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, string?> _names = [];

    /// <summary>
    /// Adds an event record under its name; a name appears once. A record may stand under several names (timers
    /// that carry the same record, say); its name is then given by the timer or the sender, never taken from it.
    /// </summary>
    public EventCatalog<TEvent> Add<T>(string name)
        where T : TEvent
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_types.TryAdd(name, typeof(T)))
        {
            throw new ArgumentException($"Event '{name}' is declared twice.", nameof(name));
        }

        if (!_names.TryAdd(typeof(T), name))
        {
            _names[typeof(T)] = null;
        }

        return this;
    }

    /// <summary>The event names, in no particular order.</summary>
    public IEnumerable<string> Names => _types.Keys;

    /// <summary>The record type of an event name, or null when the workflow has no such event.</summary>
    public Type? TypeOf(string name) => _types.GetValueOrDefault(name);

    /// <summary>The name of an event record.</summary>
    public string NameOf(TEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return NameOf(@event.GetType());
    }

    /// <summary>The name of the event record type <typeparamref name="T"/>.</summary>
    public string NameOf<T>()
        where T : TEvent => NameOf(typeof(T));

    private string NameOf(Type type) => _names.TryGetValue(type, out var name)
        ? name ?? throw new ArgumentException($"{type.Name} stands under several event names: name the event explicitly.")
        : throw new ArgumentException($"{type.Name} is not an event of this workflow's catalog.");
}
