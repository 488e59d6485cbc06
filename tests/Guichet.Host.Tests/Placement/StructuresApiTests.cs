using System.Net;
using System.Net.Http.Json;
using Guichet.Domain.Structures;
using Guichet.Host.Security;
using Guichet.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Guichet.Host.Tests.ClockedApp;

namespace Guichet.Host.Tests.Placement;

/// <summary>The registry of structures over HTTP: seeded from the catalog, read by every role, written by the ARS only, validated.</summary>
[Collection(HostGroup.Name)]
public sealed class StructuresApiTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact(Timeout = 120_000)]
    public async Task TheRegistry_IsSeededFromTheCatalog_OnceWhateverTheHosts_AndReadByAStructure()
    {
        await using var host = Start(azurite, Now);
        using var structure = host.Client(Roles.Structure, org: StructureCatalog.TraitDUnion.Id);

        using var list = await structure.GetAsync("/api/structures");
        using var one = await structure.GetAsync($"/api/structures/{StructureCatalog.MaisonCheminVert.Id}");
        using var none = await structure.GetAsync("/api/structures/no-such-structure");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var ids = (await ReadAsync(list)).EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToList();
        Assert.Equal(StructureCatalog.All.Select(s => s.Id).Order(StringComparer.Ordinal), ids);
        var chemin = await ReadAsync(one);
        Assert.Equal(("Maison Chemin Vert", 45, "ACT"), (chemin.GetProperty("name").GetString(), chemin.GetProperty("capacity").GetInt32(), chemin.GetProperty("device").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task AnAdministrator_EditsAStructure_AndASeedDoesNotUndoIt()
    {
        await using var host = Start(azurite, Now);
        using var agency = host.Client(Roles.ArsAdmin);
        var edited = StructureCatalog.TraitDUnion with { Capacity = 24 };

        using var put = await agency.PutAsJsonAsync($"/api/structures/{edited.Id}", edited, Runtime.Workflows.WorkflowJson.Options);
        await host.App.Services.GetRequiredService<Structures.StructureRegistry>().SeedAsync(CancellationToken.None);
        using var read = await agency.GetAsync($"/api/structures/{edited.Id}");

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(24, (await ReadAsync(read)).GetProperty("capacity").GetInt32());
    }

    [Fact(Timeout = 120_000)]
    public async Task AnInvalidStructure_IsRefusedWithEveryViolation_AndNothingIsWritten()
    {
        await using var host = Start(azurite, Now);
        using var agency = host.Client(Roles.ArsAdmin);
        var invalid = StructureCatalog.TraitDUnion with { Id = "act-new-one", Name = " ", Capacity = 0 };

        using var put = await agency.PutAsJsonAsync("/api/structures/act-new-one", invalid, Runtime.Workflows.WorkflowJson.Options);
        using var read = await agency.GetAsync("/api/structures/act-new-one");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        var problem = await ReadAsync(put);
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.name", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("$.capacity", out _));
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
    }

    [Fact(Timeout = 120_000)]
    public async Task AStructureUser_CannotEditTheRegistry()
    {
        await using var host = Start(azurite, Now);
        using var structure = host.Client(Roles.Structure, org: StructureCatalog.TraitDUnion.Id);

        using var put = await structure.PutAsJsonAsync($"/api/structures/{StructureCatalog.TraitDUnion.Id}", StructureCatalog.TraitDUnion, Runtime.Workflows.WorkflowJson.Options);

        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);
    }
}
