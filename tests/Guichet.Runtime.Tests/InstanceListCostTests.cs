using Guichet.Runtime.Instances;
using Guichet.Runtime.Tests.Workflows;
using Guichet.Testing;

namespace Guichet.Runtime.Tests;

/// <summary>
/// A page of the instance list by creation time, or by id prefix without a type, costs what it returns: the same storage
/// requests, reading key ranges of one partition, whether the store holds no other instance or 300 outside the page.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class InstanceListCostTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset WindowStart = RuntimeHarness.Epoch.AddDays(1);
    private static readonly DateTimeOffset WindowEnd = RuntimeHarness.Epoch.AddDays(2);

    public static TheoryData<string> Queries => [.. ListedQueries.Keys, .. OpenWindows.Keys];

    /// <summary>Queries that select the five instances "m-…" of the window, or some of them, and no other.</summary>
    private static Dictionary<string, InstanceQuery> ListedQueries { get; } = new()
    {
        ["window"] = new(CreatedFrom: WindowStart, CreatedTo: WindowEnd),
        ["window and status"] = new([RuntimeStatus.Terminated], CreatedFrom: WindowStart, CreatedTo: WindowEnd),
        ["window and type"] = new(WorkflowType: ShelfWorkflow.TypeName, CreatedFrom: WindowStart, CreatedTo: WindowEnd),
        ["window and prefix"] = new(CreatedFrom: WindowStart, CreatedTo: WindowEnd, InstanceIdPrefix: "m-"),
        ["prefix"] = new(InstanceIdPrefix: "m-"),
        ["prefix and status"] = new([RuntimeStatus.Running, RuntimeStatus.Terminated], InstanceIdPrefix: "m-"),
    };

    private static Dictionary<string, InstanceQuery> OpenWindows { get; } = new()
    {
        ["created from"] = new(CreatedFrom: WindowStart.AddSeconds(90)),
        ["created before, terminated"] = new([RuntimeStatus.Terminated], CreatedTo: WindowStart.AddSeconds(210)),
        ["other prefix and type, created before"] = new(WorkflowType: ProbeWorkflow.TypeName, CreatedTo: WindowStart, InstanceIdPrefix: "o-early-00"),
    };

    [Fact(Timeout = 300_000)]
    public async Task PagesByTimeOrPrefixWithoutType_CostTheSame_WithNoOtherInstanceAndWith300Others()
    {
        var lone = new ListRequests();
        var crowded = new ListRequests();
        await using var alone = await CreateAsync(lone);
        await using var among = await CreateAsync(crowded);
        await StartMatchingAsync(alone);
        await StartOthersAsync(among, "o-early-");
        await StartMatchingAsync(among);
        await StartOthersAsync(among, "o-late-");

        foreach (var (name, query) in ListedQueries)
        {
            var (aloneIds, aloneCost, _) = await PageAsync(alone, lone, query);
            var (amongIds, amongCost, amongPage) = await PageAsync(among, crowded, query);

            Assert.All(amongPage.Filters, f => Assert.True(ListRequests.IsKeyRange(f), $"{name}: {f}"));
            Assert.True(aloneIds.Count > 0, name);
            Assert.Equal(aloneIds, amongIds);
            Assert.Equal(aloneCost, amongCost);
            Assert.True(amongCost <= aloneIds.Count + 6, $"{name}: {amongCost} requests for {aloneIds.Count} instances");
            Assert.Null(amongPage.Token);
        }
    }

    [Theory(Timeout = 60_000)]
    [MemberData(nameof(Queries))]
    public async Task PagesByTimeOrPrefixWithoutType_ListEveryMatchingInstanceOnce_AcrossTokens(string name)
    {
        var requests = new ListRequests();
        await using var h = await CreateAsync(requests);
        await StartOthersAsync(h, "o-early-", count: 7);
        await StartMatchingAsync(h);
        await StartOthersAsync(h, "o-late-", count: 7);
        var query = ListedQueries.GetValueOrDefault(name) ?? OpenWindows[name];
        var expected = (await AllAsync(h, new InstanceQuery(Enum.GetValues<RuntimeStatus>())))
            .Where(s => Selects(query, s)).Select(s => s.InstanceId).Order().ToList();

        var pages = new List<InstancePage>();
        string? token = null;
        do
        {
            var before = requests.Count;
            pages.Add(await h.Runtime.QueryInstancesAsync(query, token, pageSize: 2));
            Assert.True(requests.Count - before <= 4, $"{requests.Count - before} requests for a page of 2");
            token = pages[^1].ContinuationToken;
        }
        while (token is not null && pages.Count < 30);

        var listed = pages.SelectMany(p => p.Instances).Select(s => s.InstanceId).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, listed.Order());
        Assert.Null(token);
    }

    /// <summary>Five instances of two types created in the window, one of them terminated, ids "m-0" to "m-4".</summary>
    private static async Task StartMatchingAsync(RuntimeHarness h)
    {
        h.FakeClock.SetUtcNow(WindowStart);
        for (var i = 0; i < 5; i++)
        {
            await h.Runtime.StartAsync(i % 2 == 0 ? ProbeWorkflow.TypeName : ShelfWorkflow.TypeName, $"m-{i}");
            h.FakeClock.Advance(TimeSpan.FromMinutes(1));
        }

        await h.Runtime.TerminateAsync("m-3", "test");
    }

    /// <summary>Instances outside the window (before it, or after it) and outside prefix "m-", some of them terminated.</summary>
    private static async Task StartOthersAsync(RuntimeHarness h, string prefix, int count = 150)
    {
        h.FakeClock.SetUtcNow(prefix.Contains("early", StringComparison.Ordinal) ? RuntimeHarness.Epoch : WindowEnd);
        for (var i = 0; i < count; i++)
        {
            var id = $"{prefix}{i:D3}";
            await h.Runtime.StartAsync(i % 2 == 0 ? ProbeWorkflow.TypeName : ShelfWorkflow.TypeName, id);
            if (i % 3 == 0)
            {
                await h.Runtime.TerminateAsync(id, "test");
            }

            h.FakeClock.Advance(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>One page of ten: the instances, the requests it cost, the filters it sent and its token.</summary>
    private static async Task<(List<string> Ids, long Requests, (List<string> Filters, string? Token) Page)> PageAsync(RuntimeHarness h, ListRequests requests, InstanceQuery query)
    {
        var (before, sent) = (requests.Count, requests.Filters.Count);
        var page = await h.Runtime.QueryInstancesAsync(query, pageSize: 10);
        return ([.. page.Instances.Select(s => s.InstanceId)], requests.Count - before, ([.. requests.Filters.Skip(sent)], page.ContinuationToken));
    }

    private static async Task<List<InstanceStatus>> AllAsync(RuntimeHarness h, InstanceQuery query)
    {
        var all = new List<InstanceStatus>();
        string? token = null;
        do
        {
            var page = await h.Runtime.QueryInstancesAsync(query, token, 1000);
            all.AddRange(page.Instances);
            token = page.ContinuationToken;
        }
        while (token is not null);
        return all;
    }

    private static bool Selects(InstanceQuery query, InstanceStatus s) =>
        (query.RuntimeStatuses is null || query.RuntimeStatuses.Contains(s.RuntimeStatus))
        && (query.WorkflowType is null || query.WorkflowType == s.WorkflowType)
        && (query.InstanceIdPrefix is null || s.InstanceId.StartsWith(query.InstanceIdPrefix, StringComparison.Ordinal))
        && (query.CreatedFrom is null || s.CreatedAt >= query.CreatedFrom)
        && (query.CreatedTo is null || s.CreatedAt < query.CreatedTo);

    private Task<RuntimeHarness> CreateAsync(ListRequests requests) =>
        RuntimeHarness.CreateAsync(azurite, clients: azurite.Azurite.Clients(requests), workflows: [new ProbeWorkflow(), new ShelfWorkflow()]);
}
