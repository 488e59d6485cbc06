using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Placement;
using Guichet.Runtime;
using Guichet.Runtime.Storage;

namespace Guichet.Host.Placement;

/// <summary>
/// The full record of the dossiers a matching passed over, kept out of the vacancy's state and of the
/// candidates-proposed event (thousands of skips would exceed their bounds): <c>{hub}VacancySkips</c>, partition the
/// vacancy, row key the proposal's record key and a chunk number on five digits. A chunk holds skipped dossiers in rank
/// order, one a line (rank, dossier, reason codes, tab-separated), up to <see cref="ChunkChars"/> characters: a place
/// matched late in a wave passes over every candidate of the places before it, and a row each cost a transaction per
/// hundred of them. The French text is built when read. Written before the event is raised, under a key drawn from the
/// event id, so that a retried matching rewrites the same rows.
/// </summary>
internal sealed partial class SkippedDossiers
{
    /// <summary>The table's name after the hub's.</summary>
    public const string TableSuffix = "VacancySkips";

    /// <summary>
    /// A chunk's characters at most: a string column holds 32 Ki of them, and a hundred chunks of this size stay well
    /// under the 4 MiB of a transaction.
    /// </summary>
    internal const int ChunkChars = 16_000;

    private const int Batch = 100;
    private const string Column = "skipped";
    private readonly TableClient _table;
    private volatile bool _ready;

    /// <summary>Binds the record to the hub's table; nothing is read or written until asked.</summary>
    public SkippedDossiers(StorageClients storage, RuntimeOptions options)
    {
        ArgumentNullException.ThrowIfNull(storage);
        ArgumentNullException.ThrowIfNull(options);
        _table = storage.Tables.GetTableClient(options.HubName + TableSuffix);
    }

    /// <summary>The record key of the proposal raised as <paramref name="eventId"/>: its ranking's instant, then a digest of the event id (any characters).</summary>
    public static string KeyOf(MatchResult match, string eventId)
    {
        ArgumentNullException.ThrowIfNull(match);
        var digest = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(eventId)))[..16];
        return $"{match.RankedAt.UtcDateTime:yyyyMMddHHmmssfff}-{digest}";
    }

    /// <summary>Writes every skipped dossier of <paramref name="match"/> under <paramref name="key"/>, in chunks, a hundred chunks to a transaction.</summary>
    public async Task WriteAsync(string vacancyId, string key, MatchResult match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        await ReadyAsync(cancellationToken);
        var rows = Chunks(match.Skipped).Select((chunk, i) => new TableEntity(vacancyId, $"{key}~{i:D5}") { [Column] = chunk });
        foreach (var batch in rows.Chunk(Batch))
        {
            await _table.SubmitTransactionAsync(batch.Select(row => new TableTransactionAction(TableTransactionActionType.UpsertReplace, row)), cancellationToken);
        }
    }

    /// <summary>The dossiers recorded under <paramref name="key"/> for <paramref name="vacancyId"/>, best rank first, each with its reasons in French.</summary>
    public async Task<IReadOnlyList<SkippedDossier>> ReadAsync(string vacancyId, string key, CancellationToken cancellationToken)
    {
        await ReadyAsync(cancellationToken);
        var (from, to) = (key + "~", key + "~~");
        var skipped = new List<SkippedDossier>();
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {vacancyId} and RowKey gt {from} and RowKey lt {to}"), cancellationToken: cancellationToken))
        {
            // Rows written before skips were chunked hold one dossier each.
            skipped.AddRange(row.GetString(Column) is { } chunk ? Lines(chunk) : [OneOf(row)]);
        }

        return skipped;
    }

    /// <summary>The skipped dossiers as lines, cut into texts of <see cref="ChunkChars"/> characters at most.</summary>
    internal static IEnumerable<string> Chunks(IEnumerable<SkippedDossier> skipped)
    {
        var chunk = new StringBuilder();
        foreach (var s in skipped)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{s.Rank}\t{s.DossierId}\t{string.Join(',', s.Reasons.Select(WireName.Of))}");
            if (chunk.Length > 0 && chunk.Length + 1 + line.Length > ChunkChars)
            {
                yield return chunk.ToString();
                chunk.Clear();
            }

            chunk.Append(chunk.Length > 0 ? "\n" : "").Append(line);
        }

        if (chunk.Length > 0)
        {
            yield return chunk.ToString();
        }
    }

    private static SkippedDossier OneOf(TableEntity row)
    {
        var reasons = WireName.ParseList<SkipReason>(row.GetString("reasons"));
        return new(row.GetString("dossierId") ?? "", row.GetInt32("rank") ?? 0, reasons, SkipReasons.Explain(reasons));
    }

    /// <summary>The skipped dossiers of one chunk, in its order.</summary>
    internal static IEnumerable<SkippedDossier> Lines(string? chunk) =>
        (chunk ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            var fields = line.Split('\t');
            var reasons = WireName.ParseList<SkipReason>(fields.ElementAtOrDefault(2));
            return new SkippedDossier(fields.ElementAtOrDefault(1) ?? "", int.Parse(fields[0], CultureInfo.InvariantCulture), reasons, SkipReasons.Explain(reasons));
        });

    private async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _ready = true;
        }
    }
}
