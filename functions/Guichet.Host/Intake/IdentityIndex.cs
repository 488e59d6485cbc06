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

    /// <summary>The dossiers indexed under any of <paramref name="profile"/>'s keys for <paramref name="device"/>, without duplicates, in id order.</summary>
    public async Task<IReadOnlyList<string>> FindAsync(Device device, IdentityProfile profile, CancellationToken ct)
    {
        // One query per partition: an "or" across partition keys would scan the table.
        var found = await Task.WhenAll(BlockingKeys.Of(profile).Select(async key =>
        {
            var ids = new List<string>();
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {hasher.Hash(device, key)}");
            await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: ct))
            {
                ids.Add(row.RowKey);
            }

            return ids;
        }));
        return [.. found.SelectMany(ids => ids).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
