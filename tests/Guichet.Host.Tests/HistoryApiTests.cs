using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Guichet.Host.Tests.Workflows;
using Guichet.Testing;

namespace Guichet.Host.Tests;

/// <summary><c>GET /api/instances/{id}/history</c> by pages, and the history key the host needs to start.</summary>
[Collection(HostGroup.Name)]
public sealed class HistoryApiTests(AzuriteFixture azurite, SharedApp shared)
{
    private async Task<(HttpClient Admin, string Id)> StartWithEntriesAsync(int entries)
    {
        var app = await shared.GetAsync(azurite);
        var id = "hist-" + Guid.NewGuid().ToString("N")[..12];
        await app.Runtime.StartAsync(CounterWorkflow.TypeName, id);
        for (var i = 1; i < entries; i++)
        {
            await app.Runtime.RaiseEventAsync(id, "add", JsonDocument.Parse("""{"amount":1}""").RootElement, $"a{i}");
        }

        return (app.Admin(), id);
    }

    private static async Task<long[]> SequencesAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64())];

    [Fact]
    public async Task History_ByPages_FollowsTheContinuationTokenAndTheNextLink()
    {
        var (admin, id) = await StartWithEntriesAsync(5);

        using var first = await admin.GetAsync($"/api/instances/{id}/history?top=2");
        using var byToken = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{id}/history?top=2");
        byToken.Headers.Add("x-ms-continuation-token", first.Headers.GetValues("x-ms-continuation-token").Single());
        using var second = await admin.SendAsync(byToken);
        var link = second.Headers.GetValues("Link").Single();
        using var last = await admin.GetAsync(link[1..link.IndexOf('>', StringComparison.Ordinal)]);
        using var whole = await admin.GetAsync($"/api/instances/{id}/history");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(new long[] { 1, 2 }, await SequencesAsync(first));
        Assert.Equal("3", first.Headers.GetValues("x-ms-continuation-token").Single());
        Assert.Equal(new long[] { 3, 4 }, await SequencesAsync(second));
        Assert.Equal($"<http://localhost/api/instances/{id}/history?from=5&top=2>; rel=\"next\"", link);
        Assert.Equal(new long[] { 5 }, await SequencesAsync(last));
        Assert.False(last.Headers.Contains("x-ms-continuation-token"));
        Assert.False(last.Headers.Contains("Link"));
        Assert.Equal(new long[] { 1, 2, 3, 4, 5 }, await SequencesAsync(whole));
    }

    [Theory]
    [InlineData("?top=0", "top")]
    [InlineData("?top=1001", "top")]
    [InlineData("?from=0", "from")]
    [InlineData("?from=trois", "from")]
    [InlineData("?top=beaucoup", "top")]
    public async Task History_BadPageValues_Are400NamingTheParameter(string query, string field)
    {
        var (admin, id) = await StartWithEntriesAsync(1);

        using var response = await admin.GetAsync($"/api/instances/{id}/history{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task History_BadContinuationToken_Is400NamingTheHeader()
    {
        var (admin, id) = await StartWithEntriesAsync(1);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/instances/{id}/history");
        request.Headers.Add("x-ms-continuation-token", "pas-un-jeton");

        using var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("x-ms-continuation-token", out _));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("trop-courte")]
    public async Task App_WithoutAHistoryKeyOfAtLeast32Bytes_DoesNotStart_NamingTheSetting(string? key)
    {
        await using var app = new GuichetApp(azurite.Azurite, new Dictionary<string, string?> { ["Guichet:HistoryKey"] = key });

        var error = Assert.Throws<InvalidOperationException>(() => app.Server);

        Assert.Contains("Guichet__HistoryKey", error.Message, StringComparison.Ordinal);
        Assert.Contains(Encoding.UTF8.GetByteCount(key ?? string.Empty).ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
    }
}
