using Azure;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Identity;
using Guichet.Domain.Intake;

namespace Guichet.Host.Intake;

/// <summary>
/// The identity index of de-duplication (invariant 1, DESIGN §7), <c>{hub}IdentityIndex</c>: one row per blocking key
/// of each request a dossier holds, partition = <see cref="IdentityHasher"/>'s keyed hash of device and key, row =
/// the dossier's id, and nothing else. No name, birth date or INS is stored in clear: the index only answers "which
/// dossiers share a key with this person", to a host that has the secret.
/// </summary>
internal sealed class IdentityIndex(TableClient table, IdentityHasher hasher)
{
    public TableClient Table => table;

    /// <summary>Indexes <paramref name="person"/>'s keys for <paramref name="device"/> under <paramref name="dossierId"/>; idempotent.</summary>
    public Task AddAsync(Device device, Person person, string dossierId, CancellationToken ct) =>
        Task.WhenAll(BlockingKeys.Of(person).Select(key =>
            table.UpsertEntityAsync(new TableEntity(hasher.Hash(device, key), dossierId), TableUpdateMode.Replace, ct)));

    /// <summary>The index rows under any of <paramref name="profile"/>'s keys for <paramref name="device"/>: each a key's hash and a dossier.</summary>
    public async Task<IReadOnlyList<(string Hash, string DossierId)>> FindRowsAsync(Device device, IdentityProfile profile, CancellationToken ct)
    {
        // One query per partition: an "or" across partition keys would scan the table.
        var found = await Task.WhenAll(BlockingKeys.Of(profile).Select(async key =>
        {
            var hash = hasher.Hash(device, key);
            var rows = new List<(string, string)>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {hash}"), select: ["RowKey"], cancellationToken: ct))
            {
                rows.Add((hash, row.RowKey));
            }

            return rows;
        }));
        return [.. found.SelectMany(rows => rows).Distinct()];
    }

    /// <summary>Removes rows of dossiers that ended: they are never a candidate again, and a common name's key would read them on every request.</summary>
    public Task RemoveAsync(IEnumerable<(string Hash, string DossierId)> rows, CancellationToken ct) =>
        Task.WhenAll(rows.Select(r => table.DeleteEntityAsync(r.Hash, r.DossierId, ETag.All, ct)));
}
