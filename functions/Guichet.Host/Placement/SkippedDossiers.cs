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
/// vacancy, row key the proposal's record key and the rank on seven digits; each row holds the dossier, its rank and its
/// reason codes. The French text is built when read. Written before the event is raised, under a key drawn from the
/// event id, so that a retried matching rewrites the same rows.
/// </summary>
internal sealed partial class SkippedDossiers
{
    /// <summary>The table's name after the hub's.</summary>
    public const string TableSuffix = "VacancySkips";

    private const int Batch = 100;
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

    /// <summary>Writes every skipped dossier of <paramref name="match"/> under <paramref name="key"/>, a hundred to a transaction.</summary>
    public async Task WriteAsync(string vacancyId, string key, MatchResult match, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(match);
        await ReadyAsync(cancellationToken);
        foreach (var batch in match.Skipped.Chunk(Batch))
        {
            await _table.SubmitTransactionAsync(
                batch.Select(s => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(vacancyId, $"{key}~{s.Rank:D7}")
                {
                    ["dossierId"] = s.DossierId,
                    ["rank"] = s.Rank,
                    ["reasons"] = string.Join(',', s.Reasons.Select(WireName.Of)),
                })),
                cancellationToken);
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
            var reasons = WireName.ParseList<SkipReason>(row.GetString("reasons"));
            skipped.Add(new(row.GetString("dossierId"), row.GetInt32("rank") ?? 0, reasons, SkipReasons.Explain(reasons)));
        }

        return skipped;
    }

    private async Task ReadyAsync(CancellationToken cancellationToken)
    {
        if (!_ready)
        {
            await _table.CreateIfNotExistsAsync(cancellationToken);
            _ready = true;
        }
    }
}
