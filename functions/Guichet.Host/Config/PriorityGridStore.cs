using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Domain.Ranking;
using Guichet.Runtime;
using Guichet.Runtime.Storage;
using Guichet.Runtime.Workflows;

namespace Guichet.Host.Config;

/// <summary>
/// The versioned priority grid (invariant 6), one row per version in <c>{hub}PriorityGrids</c> (partition
/// <c>grid</c>, row key the version on ten digits). Version 1 is <see cref="PriorityGrid.Default"/>, in force from the
/// start, written at the first read when absent. A version is written as a draft and may be revised until it is
/// activated from a date; from then on it never changes (every ranking records the version it used, and only an
/// activated version ranks). The grid in force at an instant is the latest activated on or before it.
/// </summary>
internal sealed partial class PriorityGridStore
{
    /// <summary>The table's name after the hub's.</summary>
    public const string TableSuffix = "PriorityGrids";

    /// <summary>When version 1 is in force from: before any ranking.</summary>
    public static readonly DateTimeOffset DefaultActiveFrom = DateTimeOffset.UnixEpoch;

    /// <summary>Who wrote version 1.</summary>
    public const string DefaultAuthor = "système : grille par défaut (DESIGN §3)";

    private const string Partition = "grid";
    private const int MaxActorLength = 1000;
    private const int MaxGridLength = 30_000;
    private const int MaxAttempts = 8;

    private readonly TableClient _table;
    private readonly TimeProvider _time;
    private volatile bool _ready;

    /// <summary>Binds the store to the hub's table; nothing is read or written until asked.</summary>
    public PriorityGridStore(StorageClients storage, RuntimeOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);
        _time = time ?? throw new ArgumentNullException(nameof(time));
    }

    /// <summary>Every version, lowest first; version 1 is written first when the table has none.</summary>
    public async Task<IReadOnlyList<GridVersion>> ListAsync(CancellationToken cancellationToken)
    {
        var versions = await ReadAsync(cancellationToken);
        if (versions.Any(v => v.Version == 1))
        {
            return versions;
        }

        var seed = new GridVersion(PriorityGrid.Default, _time.GetUtcNow(), DefaultAuthor, DefaultActiveFrom, _time.GetUtcNow(), DefaultAuthor, default);
        await TryAddAsync(seed, cancellationToken);
        return await ReadAsync(cancellationToken);
    }

    /// <summary>The version in force at <paramref name="at"/>.</summary>
    public async Task<GridVersion> InForceAsync(DateTimeOffset at, CancellationToken cancellationToken) =>
        GridVersion.InForce(await ListAsync(cancellationToken), at)
            ?? throw new InvalidOperationException($"No priority grid is in force at {at:O}: version 1 should be, from {DefaultActiveFrom:O}.");

    /// <summary>
    /// Writes <paramref name="grid"/> as a draft: version 0 takes the next number; the number of an existing draft
    /// revises it; anything else (an activated version, a number out of sequence) is a conflict. The grid is expected valid.
    /// </summary>
    public async Task<GridWrite> SaveDraftAsync(PriorityGrid grid, string? actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grid);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var versions = await ListAsync(cancellationToken);
            var next = versions.Max(v => v.Version) + 1;
            var number = grid.Version == 0 ? next : grid.Version;
            var existing = versions.FirstOrDefault(v => v.Version == number);
            var draft = new GridVersion(grid with { Version = number }, _time.GetUtcNow(), Bounded(actor), null, null, null, existing?.ETag ?? default);
            if (existing is { IsActivated: true })
            {
                return new(GridWriteResult.Conflict, existing, $"La version {number} a été activée : elle ne change plus. Écrivez une nouvelle version (la prochaine est la {next}).");
            }

            if (existing is not null)
            {
                return await TryReplaceAsync(draft, cancellationToken)
                    ? new(GridWriteResult.Revised, draft)
                    : new(GridWriteResult.Conflict, existing, $"La version {number} a été modifiée ou activée entre-temps : relisez-la.");
            }

            if (number != next)
            {
                return new(GridWriteResult.Conflict, null, $"La version {number} ne suit pas la dernière : la prochaine est la {next} (ou omettez la version).");
            }

            if (await TryAddAsync(draft, cancellationToken))
            {
                return new(GridWriteResult.Created, draft);
            }

            if (grid.Version != 0)
            {
                return new(GridWriteResult.Conflict, null, $"La version {number} vient d'être écrite par quelqu'un d'autre : relisez les versions.");
            }
        }

        return new(GridWriteResult.Conflict, null, "Les versions de la grille changent trop vite : réessayez.");
    }

    /// <summary>Activates a draft from <paramref name="from"/>, recording who did it; an activated version is a conflict.</summary>
    public async Task<GridWrite> ActivateAsync(int version, DateTimeOffset from, string? actor, CancellationToken cancellationToken)
    {
        var versions = await ListAsync(cancellationToken);
        if (versions.FirstOrDefault(v => v.Version == version) is not { } target)
        {
            return new(GridWriteResult.NotFound, null, $"Aucune version {version} de la grille de priorité.");
        }

        if (target.IsActivated)
        {
            return new(GridWriteResult.Conflict, target, $"La version {version} a déjà été activée (en vigueur à partir du {target.ActiveFrom:O}) : une activation ne se refait ni ne se déplace.");
        }

        var activated = target with { ActiveFrom = from, ActivatedAt = _time.GetUtcNow(), ActivatedBy = Bounded(actor) };
        return await TryReplaceAsync(activated, cancellationToken)
            ? new(GridWriteResult.Activated, activated)
            : new(GridWriteResult.Conflict, target, $"La version {version} a été modifiée ou activée entre-temps : relisez-la.");
    }

    /// <summary>Whether the grid, serialized, fits in a table column.</summary>
    public static bool Fits(PriorityGrid grid) => JsonSerializer.Serialize(grid, WorkflowJson.Options).Length <= MaxGridLength;
}
