using Guichet.Deciders;

namespace Guichet.Runtime.Tests.Workflows;

/// <summary>A workflow that keeps a read model: each put projects a row of <see cref="Table"/>, each take removes it.</summary>
public sealed class ShelfWorkflow : Decider<ShelfStart, ShelfState, ShelfEvent>
{
    public const string TypeName = "shelf";

    public const string Table = "Shelf";

    public override string Type => TypeName;

    public override EventCatalog<ShelfEvent> Events { get; } = new EventCatalog<ShelfEvent>()
        .Add<Put>("put").Add<Take>("take").Add<PutInto>("put-into").Add<PutWide>("put-wide");

    public override Decision<ShelfState> Start(ShelfStart input, EventContext context) => new ShelfState();

    /// <summary>Constant, so that only the start projects an instance-list row.</summary>
    public override string StatusOf(ShelfState state) => "Open";

    public override Decision<ShelfState> Decide(ShelfState state, ShelfEvent happened, EventContext context) => happened switch
    {
        Put p => Decision.Accept(state with { Puts = state.Puts + 1 }, new Project(Table, "p", p.Key, Row(p))),
        Take t => Decision.Accept(state, new Project(Table, "p", t.Key, null)),
        PutInto p => Decision.Accept(state, new Project(p.Table, "p", "k", new ShelfRow("x", 1, 0, false, null, null))),
        PutWide w => Decision.Accept(state, new Project(Table, "p", "wide", Enumerable.Range(0, w.Columns).ToDictionary(i => $"c{i:D3}", _ => new string('x', w.Chars)))),
        _ => throw new ArgumentException($"unknown event {happened}"),
    };

    public static ShelfRow Row(Put put) => new(put.Label, put.Count, put.Weight, put.Fragile, put.Tags, put.Note);
}

public sealed record ShelfStart;

public abstract record ShelfEvent;

public sealed record Put(string Key, string Label, int Count = 1, double Weight = 0, bool Fragile = false, IReadOnlyList<string>? Tags = null, string? Note = null) : ShelfEvent;

public sealed record Take(string Key) : ShelfEvent;

public sealed record PutInto(string Table) : ShelfEvent;

/// <summary>Projects a row of <paramref name="Columns"/> columns of <paramref name="Chars"/> characters each.</summary>
public sealed record PutWide(int Columns, int Chars) : ShelfEvent;

public sealed record ShelfState
{
    public int Puts { get; init; }
}

public sealed record ShelfRow(string Label, int Count, double Weight, bool Fragile, IReadOnlyList<string>? Tags, string? Note);
