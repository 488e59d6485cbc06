using System.Security.Cryptography;
using System.Text.Json;
using Azure.Data.Tables;
using Guichet.Runtime.Instances;
using Guichet.Runtime.Storage;
using Guichet.Testing;
using static Guichet.Runtime.Tests.Workflows.ProbeWorkflow;

namespace Guichet.Runtime.Tests;

/// <summary>The history chain is keyed (HMAC-SHA256) over a canonical form that no serializer's defaults can change.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class HistoryChainTests(AzuriteFixture azurite)
{
    private static readonly byte[] VectorKey = "guichet-history-test-vector-key-0123456789"u8.ToArray();

    // The digest was computed apart from this code, from the canonical form documented on HistoryChain.
    [Fact]
    public void CanonicalForm_FixedEntry_GivesTheFixedDigest()
    {
        var entry = new HistoryEntry
        {
            Sequence = 7,
            At = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(1)).AddTicks(1_234_567),
            Kind = HistoryKind.EventApplied,
            Name = "add",
            EventId = "e-7",
            Actor = "ars:alice",
            Reason = null,
            CorrelationId = "corr-1",
            Payload = JsonDocument.Parse("""{"amount": 5, "note": "é"}""").RootElement,
            StatusBefore = "Received",
            StatusAfter = "UnderReview",
            RuntimeStatus = RuntimeStatus.Running,
            WorkflowVersion = 2,
            Effects = ["timer t at 2026-12-02T09:00:00.0000000+00:00", "send x to y"],
            PreviousHash = "ABCDEF0123",
            Hash = string.Empty,
        };

        var chain = new HistoryChain(VectorKey);

        Assert.Equal("665E6FE982A72BF06103FF95723599B502B72B73721F5A31C4AC5ECC47C1A987", chain.Compute(entry));
        Assert.Equal("0B72BDBB745234B6CE4C52445CC644A4FA3C6DD0CAE2ED20E30BD4D806F0BF96", Convert.ToHexString(SHA256.HashData(HistoryChain.Canonical(entry))));
        Assert.NotEqual(chain.Compute(entry), chain.Compute(entry with { Reason = string.Empty })); // null and empty differ
        Assert.NotEqual(chain.Compute(entry), chain.Compute(entry with { Effects = ["timer t at 2026-12-02T09:00:00.0000000+00:00send x to y"] }));
    }

    [Fact]
    public void Options_WithoutAKeyOfAtLeast32Bytes_AreRefusedNamingTheSetting()
    {
        var missing = Assert.Throws<ArgumentException>(() => new RuntimeOptions().Validate());
        var tooShort = Assert.Throws<ArgumentException>(() => new RuntimeOptions { HistoryKey = new byte[31] }.Validate());

        Assert.Equal(nameof(RuntimeOptions.HistoryKey), missing.ParamName);
        Assert.Equal(nameof(RuntimeOptions.HistoryKey), tooShort.ParamName);
        new RuntimeOptions { HistoryKey = new byte[32] }.Validate();
    }

    // Whoever can write to the table but has no key can compute a plain SHA-256 of the documented form, never the HMAC.
    [Theory(Timeout = 30_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task EntryChangedAndReChained_IsDetectedUnlessSealedWithTheKey(bool withTheKey)
    {
        await using var h = await RuntimeHarness.CreateAsync(azurite);
        await h.Runtime.StartAsync(TypeName, "audited");
        for (var i = 0; i < 4; i++)
        {
            await h.Runtime.RaiseEventAsync("audited", "add", Json(new { amount = i }), $"a{i}");
        }

        Func<HistoryEntry, string> seal = withTheKey
            ? h.Runtime.Chain.Compute
            : entry => Convert.ToHexString(SHA256.HashData(HistoryChain.Canonical(entry)));
        await RewriteFromAsync(h.Runtime, "audited", 3, entry => entry.Sequence == 3 ? entry with { Actor = "someone-else" } : entry, seal);

        var verification = (await h.Runtime.VerifyHistoryAsync("audited"))!;

        Assert.Equal("someone-else", (await h.Runtime.GetWholeHistoryAsync("audited"))![2].Actor);
        Assert.Equal(withTheKey, verification.IsIntact);
        if (!withTheKey)
        {
            Assert.Equal(3, verification.FirstBrokenSequence);
            Assert.Equal(2, verification.CheckedEntries);
            Assert.Contains("does not match its hash", verification.Problem, StringComparison.Ordinal);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task RuntimeWithAnotherKey_SeesTheChainAsBroken()
    {
        await using var sealer = await RuntimeHarness.CreateAsync(azurite);
        await sealer.Runtime.StartAsync(TypeName, "keyed");
        await sealer.Runtime.RaiseEventAsync("keyed", "add", Json(new { amount = 1 }), "a1");
        await using var other = await RuntimeHarness.CreateAsync(
            azurite, sealer.Runtime.Options.HubName, configure: o => o.HistoryKey = "another-history-key-of-at-least-32-bytes"u8.ToArray());

        var own = (await sealer.Runtime.VerifyHistoryAsync("keyed"))!;
        var foreign = (await other.Runtime.VerifyHistoryAsync("keyed"))!;

        Assert.True(own.IsIntact);
        Assert.False(foreign.IsIntact);
        Assert.Equal(1, foreign.FirstBrokenSequence);
        Assert.Contains($"key {HistoryChain.KeyIdOf(TestKeys.History)}", foreign.Problem, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task RotatedKey_NewEntriesNameTheNewKey_OldOnesStillVerify_AndAHostWithoutTheOldKeySaysWhichItLacks()
    {
        var newKey = "the-history-key-after-rotation-0123456789"u8.ToArray();
        await using var before = await RuntimeHarness.CreateAsync(azurite);
        await before.Runtime.StartAsync(TypeName, "rotated");
        await before.Runtime.RaiseEventAsync("rotated", "add", Json(new { amount = 1 }), "a1");
        await using var after = await RuntimeHarness.CreateAsync(
            azurite, before.Runtime.Options.HubName, configure: o =>
            {
                o.HistoryKey = newKey;
                o.RetiredHistoryKeys.Add(TestKeys.History);
            });
        await after.Runtime.RaiseEventAsync("rotated", "add", Json(new { amount = 2 }), "a2");
        await using var forgetful = await RuntimeHarness.CreateAsync(azurite, before.Runtime.Options.HubName, configure: o => o.HistoryKey = newKey);

        var history = (await after.Runtime.GetWholeHistoryAsync("rotated"))!;
        var (oldId, newId) = (HistoryChain.KeyIdOf(TestKeys.History), HistoryChain.KeyIdOf(newKey));
        Assert.Equal([oldId, oldId, newId], history.Select(e => e.KeyId));
        Assert.True((await after.Runtime.VerifyHistoryAsync("rotated"))!.IsIntact);
        var lacking = (await forgetful.Runtime.VerifyHistoryAsync("rotated"))!;
        Assert.False(lacking.IsIntact);
        Assert.Equal(1, lacking.FirstBrokenSequence);
        Assert.Contains($"sealed with key {oldId}", lacking.Problem, StringComparison.Ordinal);
    }

    /// <summary>What an intruder with write access does: changes entries from a sequence on, links and seals them again, and moves the state row's last hash.</summary>
    internal static async Task RewriteFromAsync(WorkflowRuntime runtime, string instanceId, long from, Func<HistoryEntry, HistoryEntry> change, Func<HistoryEntry, string> seal)
    {
        var table = runtime.Store.Table;
        var entries = (await runtime.GetWholeHistoryAsync(instanceId))!;
        var previous = entries[(int)from - 2].Hash;
        foreach (var entry in entries.Where(e => e.Sequence >= from))
        {
            var changed = change(entry) with { PreviousHash = previous };
            changed = changed with { Hash = seal(changed) };
            await table.UpsertEntityAsync(HistoryRows.ToEntity(instanceId, changed), TableUpdateMode.Replace);
            previous = changed.Hash;
        }

        var state = (await table.GetEntityAsync<TableEntity>(instanceId, RowKeys.State)).Value;
        state["LastHash"] = previous;
        await table.UpdateEntityAsync(state, state.ETag, TableUpdateMode.Replace);
    }
}
