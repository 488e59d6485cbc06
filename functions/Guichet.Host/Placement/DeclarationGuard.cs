using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Domain.Stays;
using Guichet.Domain.Structures;
using Guichet.Host.ReadModels;
using Guichet.Runtime;
using Guichet.Runtime.Storage;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Guichet.Host.Placement;

/// <summary>
/// Serialises the declarations of a structure's places against its capacity. Counting the ongoing stays and the open
/// vacancies in the read models is not enough on its own: two declarations at the same instant both count before
/// either starts, and a vacancy just started shows in its read model only once its row is written. So a declaration
/// first reserves its place in one row per structure (<c>{hub}VacancyDeclarations</c>, PK the structure), replaced
/// under its ETag: of two at once, one writes and the other counts again and sees it. A reservation counts until its
/// vacancy's row shows it open (or it ended), for <see cref="Held"/> at most, so a declaration that died before its
/// start frees its place after that. Two requests per declaration beyond the read models'.
/// </summary>
internal sealed class DeclarationGuard
{
    /// <summary>The table's name after the hub's.</summary>
    public const string TableSuffix = "VacancyDeclarations";

    // Far longer than a start and its rows take (the sweeper catches up within seconds), short enough that a declaration
    // that died between its reservation and its start does not hold a place for long.
    private static readonly TimeSpan Held = TimeSpan.FromMinutes(10);
    private const string Row = "reservations";
    private const int MaxAttempts = 50;

    private readonly TableClient _table;
    private readonly WorkflowRuntime _runtime;
    private readonly TimeProvider _time;
    private volatile bool _ready;

    public DeclarationGuard(StorageClients storage, RuntimeOptions options, WorkflowRuntime runtime, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);
        (_runtime, _time) = (runtime, time);
    }

    /// <summary>Reserves a place of <paramref name="structure"/> for <paramref name="vacancyId"/>: null when reserved, else the 422 of a full structure.</summary>
    public async Task<ProblemHttpResult?> ReserveAsync(Structure structure, string vacancyId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (!_ready)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _ready = true;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var guard = await _table.GetEntityIfExistsAsync<TableEntity>(structure.Id, Row, cancellationToken: cancellationToken);
            var now = _time.GetUtcNow();
            var (stays, open) = await OccupiedAsync(structure, _runtime, cancellationToken);
            var held = await HeldAsync(Read(guard.HasValue ? guard.Value : null), open, vacancyId, now, cancellationToken);
            if (stays + open.Count + held.Count >= structure.Capacity)
            {
                return Full(structure, stays, open.Count + held.Count);
            }

            var entity = new TableEntity(structure.Id, Row) { ["reserved"] = JsonSerializer.Serialize<List<Reservation>>([.. held, new(vacancyId, now)]) };
            try
            {
                await (guard.HasValue
                    ? _table.UpdateEntityAsync(entity, guard.Value!.ETag, TableUpdateMode.Replace, cancellationToken)
                    : _table.AddEntityAsync(entity, cancellationToken));
                return null;
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another declaration of this structure reserved first: count again with it.
            }
        }

        throw new TimeoutException($"The declarations of {structure.Id} changed {MaxAttempts} times while one was being reserved; try again.");
    }

    /// <summary>What holds the places of <paramref name="structure"/> by its read models: how many stays are ongoing, and the ids of its open vacancies.</summary>
    private static async Task<(int Stays, HashSet<string> Open)> OccupiedAsync(Structure structure, WorkflowRuntime runtime, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(structure);
        var exited = WireName.Of(StayStatus.Exited);
        var (candidates, answers) = (WireName.Of(VacancyStatus.AwaitingCandidates), WireName.Of(VacancyStatus.AwaitingAnswers));
        var stays = await runtime.ReadModel(StayReadModels.Stays).ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {structure.Id} and status ne {exited}"), cancellationToken);
        var open = await runtime.ReadModel(PlacementReadModels.Vacancies)
            .ReadAllAsync(TableClient.CreateQueryFilter($"PartitionKey eq {structure.Id} and (status eq {candidates} or status eq {answers})"), cancellationToken);
        return (stays.Count, open.Select(r => r.RowKey).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The 422 of a declaration beyond the capacity, saying what holds the places, in French.</summary>
    private static ProblemHttpResult Full(Structure structure, int stays, int open)
    {
        ArgumentNullException.ThrowIfNull(structure);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status422UnprocessableEntity,
            detail: $"{structure.Name} compte {structure.Capacity} places autorisées : {stays} séjour(s) en cours et {open} place(s) libre(s) déjà déclarée(s). Aucune place de plus ne peut être déclarée ; retirez une place déclarée ou enregistrez une sortie d'abord.");
    }

    /// <summary>The reservations that still hold a place: recent, not yet shown open by the read model, not ended, and not this vacancy's own.</summary>
    private async Task<List<Reservation>> HeldAsync(IEnumerable<Reservation> reserved, HashSet<string> open, string vacancyId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = new List<Reservation>();
        foreach (var r in reserved.Where(r => now - r.At < Held && r.VacancyId != vacancyId && !open.Contains(r.VacancyId)))
        {
            // Not started yet (null), or started and open: it holds its place.
            if (await VacancyMatcher.LoadAsync(_runtime, r.VacancyId, cancellationToken) is not { End: not null })
            {
                held.Add(r);
            }
        }

        return held;
    }

    private static List<Reservation> Read(TableEntity? guard) =>
        guard?.GetString("reserved") is { Length: > 0 } json ? JsonSerializer.Deserialize<List<Reservation>>(json) ?? [] : [];

    /// <summary>A place reserved for a vacancy about to start.</summary>
    private sealed record Reservation(string VacancyId, DateTimeOffset At);
}
