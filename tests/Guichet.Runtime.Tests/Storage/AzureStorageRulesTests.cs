using Azure;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using Guichet.Testing;

namespace Guichet.Runtime.Tests.Storage;

/// <summary>
/// The clients of <see cref="Azurite.Clients"/> refuse what Azure Storage refuses, with Azure's status, error code and
/// failing index, before the request reaches Azurite; and they let through what Azure accepts, up to its limits.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class AzureStorageRulesTests(AzuriteFixture azurite)
{
    private const int KiB = 1024;

    [Fact(Timeout = 60_000)]
    public async Task Entity_OverOneMiB_IsRefused_EntityTooLarge()
    {
        var table = await TableAsync();
        var entity = Chunked("p", "r", chunks: 17);

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        AssertRefused(ex, 400, "EntityTooLarge");
        await AssertAbsentAsync(table, "p", "r");
    }

    [Fact(Timeout = 60_000)]
    public async Task Entity_JustUnderOneMiB_InChunksOf64KiB_IsAccepted()
    {
        var table = await TableAsync();

        // 15 chunks of 64 KiB and a last one that brings the entity to 1 MiB less a few bytes, as the runtime writes them.
        // Azure's size: 4 + 2 × the keys' characters + per property 8 + 2 × the name's characters + 4 + the bytes (an Int32: 4).
        const int used = 4 + 2 + 2 + (8 + (2 * 13) + 4) + (15 * (8 + (2 * 8) + 4 + (64 * KiB))) + (8 + (2 * 9) + 4);
        var entity = Chunked("p", "r", chunks: 15);
        entity["PayloadChunks"] = 16;
        entity["Payload15"] = new byte[(1024 * KiB) - used - 16];
        await table.AddEntityAsync(entity);

        Assert.True((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(64 * KiB, null)]
    [InlineData((64 * KiB) + 1, "PropertyValueTooLarge")]
    public async Task Binary_UpTo64KiB_IsAccepted_BeyondIsRefused(int length, string? code)
    {
        var table = await TableAsync();
        var entity = new TableEntity("p", "r") { ["Data"] = new byte[length] };

        await AssertOutcomeAsync(table, () => table.AddEntityAsync(entity), code);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(32 * KiB, null)]
    [InlineData((32 * KiB) + 1, "PropertyValueTooLarge")]
    public async Task String_UpTo32KChars_IsAccepted_BeyondIsRefused(int length, string? code)
    {
        var table = await TableAsync();
        var entity = new TableEntity("p", "r") { ["Text"] = new string('é', length) };

        await AssertOutcomeAsync(table, () => table.UpsertEntityAsync(entity, TableUpdateMode.Replace), code);
    }

    [Theory(Timeout = 60_000)]
    [InlineData(252, 10, null)]
    [InlineData(253, 10, "TooManyProperties")]
    [InlineData(1, 255, null)]
    [InlineData(1, 256, "PropertyNameTooLong")]
    public async Task Properties_CountAndNameLength_FollowAzure(int count, int nameLength, string? code)
    {
        var table = await TableAsync();
        var entity = new TableEntity("p", "r");
        for (var i = 0; i < count; i++)
        {
            entity[$"P{i}".PadRight(nameLength, 'x')] = i;
        }

        await AssertOutcomeAsync(table, () => table.AddEntityAsync(entity), code);
    }

    [Fact(Timeout = 60_000)]
    public async Task DateTime_Before1601_IsRefused_OutOfRangeInput()
    {
        var table = await TableAsync();
        var entity = new TableEntity("p", "r") { ["At"] = DateTimeOffset.MinValue };

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(entity));

        AssertRefused(ex, 400, "OutOfRangeInput");
        await AssertAbsentAsync(table, "p", "r");
    }

    [Theory(Timeout = 60_000)]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b")]
    [InlineData("a\u0085b")]
    public async Task Key_WithAForbiddenCharacter_IsRefused_OutOfRangeInput(string key)
    {
        var table = await TableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", key)));

        AssertRefused(ex, 400, "OutOfRangeInput");
    }

    [Fact(Timeout = 60_000)]
    public async Task Key_Over1KiB_IsRefused_OutOfRangeInput()
    {
        var table = await TableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity(new string('k', 513), "r")));

        AssertRefused(ex, 400, "OutOfRangeInput");
    }

    [Fact(Timeout = 60_000)]
    public async Task Update_NamedByItsUrl_IsCheckedToo()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Text"] = "short" });

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.UpdateEntityAsync(new TableEntity("p", "r") { ["Text"] = new string('x', (32 * KiB) + 1) }, ETag.All));

        AssertRefused(ex, 400, "PropertyValueTooLarge");
        Assert.Equal("short", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Text"));
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_Of100Operations_IsAccepted()
    {
        var table = await TableAsync();

        await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i => Add("p", $"r{i:D3}")));

        Assert.Equal(100, await CountAsync(table));
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_Over100Operations_IsRefused_InvalidInput_AtIndex0()
    {
        var table = await TableAsync();

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 101).Select(i => Add("p", $"r{i:D3}"))));

        AssertRefused(ex, 400, "InvalidInput", index: 0);
        Assert.Equal(0, await CountAsync(table));
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_OnTwoPartitions_IsRefused_AtTheFirstOtherPartition()
    {
        var table = await TableAsync();

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "b"), Add("q", "c")]));

        AssertRefused(ex, 400, "CommandsInBatchActOnDifferentPartitions", index: 2);
        Assert.Equal(0, await CountAsync(table));
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_WithAnEntityTwice_IsRefused_InvalidDuplicateRow()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("p", "a"));

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync(
            [Add("p", "b"), new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "a"), ETag.All), new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "a"), ETag.All)]));

        AssertRefused(ex, 400, "InvalidDuplicateRow", index: 2);
        await AssertAbsentAsync(table, "p", "b");
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_WithAnEntityBeyondALimit_IsRefused_AtItsIndex()
    {
        var table = await TableAsync();
        var large = new TableEntity("p", "d") { ["Data"] = new byte[(64 * KiB) + 1] };

        var ex = await Assert.ThrowsAsync<TableTransactionFailedException>(() => table.SubmitTransactionAsync([Add("p", "a"), Add("p", "b"), Add("p", "c"), new(TableTransactionActionType.UpsertReplace, large)]));

        AssertRefused(ex, 400, "PropertyValueTooLarge", index: 3);
        Assert.Equal(0, await CountAsync(table));
    }

    [Fact(Timeout = 60_000)]
    public async Task Batch_Over4MiB_AsSent_IsRefused_RequestBodyTooLarge()
    {
        // Four entities of 13 chunks are 3.3 MiB of data, but binary travels base64-encoded: 4.4 MiB on the wire.
        var table = await TableAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => table.SubmitTransactionAsync(Enumerable.Range(0, 4).Select(i => new TableTransactionAction(TableTransactionActionType.Add, Chunked("p", $"r{i}", chunks: 13)))));

        AssertRefused(ex, 413, "RequestBodyTooLarge");
        Assert.Equal(0, await CountAsync(table));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(64 * 1024, 'a', null)]
    [InlineData((64 * 1024) + 1, 'a', "RequestBodyTooLarge")]
    [InlineData(20 * 1024, '&', "RequestBodyTooLarge")]
    public async Task QueueMessage_Over64KiBAsSent_IsRefused(int length, char c, string? code)
    {
        var queue = await QueueAsync();

        await AssertOutcomeAsync(() => queue.SendMessageAsync(new string(c, length)), code, status: 413);

        Assert.Equal(code is null ? 1 : 0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    [Theory(Timeout = 60_000)]
    [InlineData("ab", "OutOfRangeInput")]
    [InlineData("Upper-case", "InvalidResourceName")]
    [InlineData("double--hyphen", "InvalidResourceName")]
    [InlineData("ends-with-hyphen-", "InvalidResourceName")]
    public async Task QueueName_AgainstAzuresRule_IsRefused(string name, string code)
    {
        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => azurite.Azurite.Clients().Queues.GetQueueClient(name).CreateIfNotExistsAsync());

        AssertRefused(ex, 400, code);
    }

    [Fact(Timeout = 60_000)]
    public async Task VisibilityTimeout_Over7Days_IsRefused()
    {
        var queue = await QueueAsync();

        var ex = await Assert.ThrowsAsync<RequestFailedException>(() => queue.SendMessageAsync("m", visibilityTimeout: TimeSpan.FromDays(7) + TimeSpan.FromSeconds(1)));

        AssertRefused(ex, 400, "OutOfRangeQueryParameterValue");
        Assert.Equal(0, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
    }

    private static TableTransactionAction Add(string partitionKey, string rowKey) => new(TableTransactionActionType.Add, new TableEntity(partitionKey, rowKey));

    private static TableEntity Chunked(string partitionKey, string rowKey, int chunks)
    {
        var entity = new TableEntity(partitionKey, rowKey) { ["PayloadChunks"] = chunks };
        for (var i = 0; i < chunks; i++)
        {
            entity["Payload" + i] = new byte[64 * KiB];
        }

        return entity;
    }

    private static void AssertRefused(RequestFailedException ex, int status, string code, int? index = null)
    {
        Assert.Equal(status, ex.Status);
        Assert.Equal(code, ex.ErrorCode);
        if (ex is TableTransactionFailedException transaction || index is not null)
        {
            Assert.Equal(index, Assert.IsType<TableTransactionFailedException>(ex).FailedTransactionActionIndex);
        }
    }

    private static async Task AssertOutcomeAsync(TableClient table, Func<Task> act, string? code)
    {
        await AssertOutcomeAsync(act, code, status: 400);
        Assert.Equal(code is null, (await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    private static async Task AssertOutcomeAsync(Func<Task> act, string? code, int status)
    {
        if (code is null)
        {
            await act();
            return;
        }

        AssertRefused(await Assert.ThrowsAnyAsync<RequestFailedException>(act), status, code);
    }

    private static async Task AssertAbsentAsync(TableClient table, string partitionKey, string rowKey) =>
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>(partitionKey, rowKey)).HasValue);

    private static async Task<int> CountAsync(TableClient table) => await table.QueryAsync<TableEntity>().CountAsync();

    private async Task<TableClient> TableAsync()
    {
        var table = azurite.Azurite.Clients().Tables.GetTableClient(UniqueNames.Hub());
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private async Task<QueueClient> QueueAsync()
    {
        var queue = azurite.Azurite.Clients().Queues.GetQueueClient(UniqueNames.Queue("rules"));
        await queue.CreateIfNotExistsAsync();
        return queue;
    }
}
