using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Guichet.Domain;
using Guichet.Domain.Dossiers;
using Guichet.Domain.Intake;
using Guichet.Host.Demo;
using Guichet.Testing;
using static Guichet.Host.Tests.Intake.IntakeMessages;

namespace Guichet.Host.Tests.Intake;

/// <summary>
/// Invariant 8 field by field, through the real queue: a complete <c>guichet.dossier.v1</c> request with one field of
/// the contract left out (each required one) or given a wrong value (each one) ends in exactly one rejection naming
/// that field's JSON path, and the complete request itself in one dossier. All are sent at once (<see cref="Batch"/>).
/// </summary>
[Collection(IntakeGroup.Name)]
public sealed class IntakeFieldTests(AzuriteFixture azurite, IntakeHost host, IntakeFieldTests.Batch batch) : IClassFixture<IntakeFieldTests.Batch>
{
    /// <summary>Each case: the field's path, and the wrong value it is given (null: the field is left out).</summary>
    private static readonly Dictionary<string, Func<JsonNode?>?> Cases = new()
    {
        ["missing $.schema"] = null,
        ["missing $.externalRef"] = null,
        ["missing $.prescriber"] = null,
        ["missing $.prescriber.id"] = null,
        ["missing $.prescriber.type"] = null,
        ["missing $.prescriber.name"] = null,
        ["missing $.device"] = null,
        ["missing $.person"] = null,
        ["missing $.person.lastName"] = null,
        ["missing $.person.firstName"] = null,
        ["missing $.person.birthDate"] = null,
        ["missing $.person.sex"] = null,
        ["missing $.social"] = null,
        ["missing $.social.housing"] = null,
        ["missing $.medical"] = null,
        ["missing $.medical.pathologies"] = null,
        ["missing $.submittedAt"] = null,
        ["wrong $.schema"] = () => "guichet.dossier.v2",
        ["wrong $.externalRef"] = () => 42,
        ["wrong $.prescriber"] = () => "Maraude",
        ["wrong $.prescriber.id"] = () => "a/b",
        ["wrong $.prescriber.type"] = () => "pharmacy",
        ["wrong $.prescriber.name"] = () => new JsonArray(),
        ["wrong $.device"] = () => "XYZ",
        ["wrong $.person"] = () => new JsonArray(),
        ["wrong $.person.lastName"] = () => "1234",
        ["wrong $.person.firstName"] = () => 7,
        ["wrong $.person.birthDate"] = () => "1980-02-30",
        ["wrong $.person.sex"] = () => "robot",
        ["wrong $.person.ins"] = () => "123",
        ["wrong $.social"] = () => true,
        ["wrong $.social.housing"] = () => "castle",
        ["wrong $.social.adminStatus"] = () => "alien",
        ["wrong $.social.household"] = () => 3,
        ["wrong $.social.household.partner"] = () => "yes",
        ["wrong $.social.household.children"] = () => 99,
        ["wrong $.social.household.pets"] = () => "dog",
        ["wrong $.social.anchoring"] = () => "since 2020",
        ["wrong $.social.anchoring.departments"] = () => "75",
        ["wrong $.social.anchoring.since"] = () => "2999",
        ["wrong $.medical"] = () => 1,
        ["wrong $.medical.pathologies"] = () => new JsonArray(),
        ["wrong $.medical.activeSubstanceUse"] = () => "no",
        ["wrong $.medical.reducedMobility"] = () => 1,
        ["wrong $.medical.summary"] = () => new JsonObject(),
        ["wrong $.wishes"] = () => "Paris",
        ["wrong $.wishes.departments"] = () => "75",
        ["wrong $.submittedAt"] = () => "hier",
        ["wrong $.nickname"] = () => "Kiki",
    };

    public static TheoryData<string> FieldCases() => [.. Cases.Keys];

    [Theory(Timeout = 120_000)]
    [MemberData(nameof(FieldCases))]
    public async Task OneFieldWrong_EndsInExactlyOneRejection_NamingItsPath(string @case)
    {
        var sent = await batch.SendAllAsync(host.Get(azurite), azurite);
        var path = @case.Split(' ')[1];

        var row = Assert.Single(sent.Rows[sent.Ids[@case]]);
        var message = Assert.Single(sent.Rejected[sent.Ids[@case]]);
        var reasons = message.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("path").GetString()).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, p => Assert.Equal(path, p));
        Assert.True(row.GetBoolean("Notified"));
    }

    [Fact(Timeout = 120_000)]
    public async Task CompleteRequest_OpensOneDossier_AndIsNotRejected()
    {
        var probe = new IntakeProbe(host.Get(azurite), azurite);
        var sent = await batch.SendAllAsync(probe.App, azurite);

        Assert.Empty(sent.Rows[sent.Ids[Batch.Complete]]);
        Assert.Empty(sent.Rejected[sent.Ids[Batch.Complete]]);
        Assert.NotNull(await probe.DossierAsync(DossierIds.For(new IntakeKey(sent.Prescriber, Batch.Complete))));
    }

    /// <summary>Every case's message sent once, in one go, for all the cases of the class; what each ended in.</summary>
    public sealed class Batch : IDisposable
    {
        public const string Complete = "complete";

        private readonly SemaphoreSlim _gate = new(1, 1);
        private Sent? _sent;

        public async Task<Sent> SendAllAsync(GuichetApp app, AzuriteFixture azurite)
        {
            await _gate.WaitAsync();
            try
            {
                return _sent ??= await SendAsync(new IntakeProbe(app, azurite));
            }
            finally
            {
                _gate.Release();
            }
        }

        public void Dispose() => _gate.Dispose();

        private static async Task<Sent> SendAsync(IntakeProbe probe)
        {
            var prescriber = NewPrescriber();
            var texts = Cases.Keys.Prepend(Complete).ToDictionary(c => c, c => Message(prescriber, c));
            await probe.SendAndWaitAsync([.. texts.Values.Select(Base64)]);
            var ids = texts.ToDictionary(t => t.Key, t => IntakeRejectionTests.Hash(t.Value));
            var rows = new Dictionary<string, List<TableEntity>>();
            var rejected = new Dictionary<string, List<System.Text.Json.JsonElement>>();
            foreach (var id in ids.Values)
            {
                rows[id] = await probe.RowsAsync("IntakeRejections", TableClient.CreateQueryFilter($"Id eq {id}"));
                rejected[id] = [.. await probe.RejectedAsync(null, id)];
            }

            return new(prescriber, ids, rows, rejected);
        }

        /// <summary>A complete request (every field of the contract) under its case's reference, then the case's change.</summary>
        private static string Message(string prescriber, string @case)
        {
            var person = new Person(UniqueName(), "Karim", PartialDate.Of(new DateOnly(1975, 6, 14)), Sex.Male, Ins("1750675123456"));
            var request = Dossiers.DossierScenarios.Request(new Prescriber(prescriber, PrescriberType.StreetOutreach, "Maraude"), @case.Replace(' ', '_').Replace("$.", string.Empty, StringComparison.Ordinal)) with { Person = person };
            var json = JsonNode.Parse(FictionalRequests.ToMessage(request))!.AsObject();
            if (@case == Complete)
            {
                return json.ToJsonString();
            }

            var path = @case.Split(' ')[1][2..].Split('.');
            var parent = path[..^1].Aggregate(json, (node, name) => node[name]!.AsObject());
            parent.Remove(path[^1]);
            if (Cases[@case] is { } wrong)
            {
                parent[path[^1]] = wrong();
            }

            return json.ToJsonString();
        }
    }

    /// <summary>What the batch sent and found: each case's rejection id, its rows and its messages on <c>dossiers-intake-rejected</c>.</summary>
    public sealed record Sent(string Prescriber, Dictionary<string, string> Ids, Dictionary<string, List<TableEntity>> Rows, Dictionary<string, List<System.Text.Json.JsonElement>> Rejected);
}
