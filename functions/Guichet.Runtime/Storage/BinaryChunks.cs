using Azure.Data.Tables;

namespace Guichet.Runtime.Storage;

/// <summary>
/// Stores a byte array larger than a table property allows (64 KiB) across numbered binary properties,
/// so that a state or payload up to the runtime's limit commits in the same entity, hence the same transaction.
/// </summary>
internal static class BinaryChunks
{
    private const int ChunkSize = 64 * 1024;

    public static void Write(TableEntity entity, string name, ReadOnlySpan<byte> data)
    {
        var count = (data.Length + ChunkSize - 1) / ChunkSize;
        entity[name + "Chunks"] = count;
        for (var i = 0; i < count; i++)
        {
            var start = i * ChunkSize;
            entity[name + i] = data.Slice(start, Math.Min(ChunkSize, data.Length - start)).ToArray();
        }
    }

    public static byte[]? Read(TableEntity entity, string name)
    {
        var count = entity.GetInt32(name + "Chunks");
        if (count is null)
        {
            return null;
        }

        var chunks = Enumerable.Range(0, count.Value).Select(i => entity.GetBinary(name + i) ?? []).ToList();
        var data = new byte[chunks.Sum(c => c.Length)];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(data, offset);
            offset += chunk.Length;
        }

        return data;
    }
}
