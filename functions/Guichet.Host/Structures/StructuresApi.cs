using System.Text.Json;
using System.Text.Json.Nodes;
using Guichet.Domain.Structures;
using Guichet.Host.Http;
using Guichet.Host.Security;
using Guichet.Runtime.Workflows;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Guichet.Host.Structures;

/// <summary>
/// The registry of structures (<c>/api/structures…</c>): read by every role of the guichet (a directory: no person in
/// it), written by ARS administrators only, each write validated (<see cref="StructureValidation"/>) with every
/// violation listed. Vacancies and candidacies hang below a structure (<c>PlacementApi</c>).
/// </summary>
public static class StructuresApi
{
    /// <summary>Where the structures are.</summary>
    public const string Prefix = "/api/structures";

    /// <summary>The tag of the structures' and placement's routes.</summary>
    internal static readonly ApiTag Tag = new("Placement", "Registre des structures (ACT, LHSS, LAM) ; places libres déclarées par les structures, trois candidats proposés par place dans l'ordre du classement, réponse motivée sous quinze jours (rappel au dixième jour, alerte à l'échéance).");

    /// <summary>Maps the routes of the group.</summary>
    public static IEndpointRouteBuilder MapStructuresApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithMetadata(Tag);
        group.MapGet("/structures", ListAsync).WithName("ListStructures").RequireAuthorization(Policies.StructureReaders)
            .WithSummary("Les structures de la région (les fictives marquées), avec leur dispositif, leur département, leur capacité et ce que leurs places offrent.");
        group.MapGet("/structures/{structureId}", GetAsync).WithName("GetStructure").RequireAuthorization(Policies.StructureReaders)
            .WithSummary("Une structure.")
            .ProducesProblem(404);
        group.MapPut("/structures/{structureId}", PutAsync).WithName("PutStructure").RequireAuthorization(Policies.Administration)
            .WithSummary("Enregistre ou modifie une structure (administrateurs ARS) ; 422 avec chaque problème.")
            .Accepts<Structure>("application/json")
            .ProducesValidationProblem().ProducesValidationProblem(422);
        return app;
    }

    private static async Task<Ok<List<Structure>>> ListAsync(StructureRegistry registry, CancellationToken cancellationToken) =>
        TypedResults.Ok((await registry.ListAsync(cancellationToken)).ToList());

    private static async Task<Results<Ok<Structure>, ProblemHttpResult>> GetAsync(string structureId, StructureRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(structureId, cancellationToken) is { } structure ? TypedResults.Ok(structure) : StructureProblems.NotFound(structureId);

    private static async Task<Results<Created<Structure>, Ok<Structure>, ProblemHttpResult, ValidationProblem>> PutAsync(
        string structureId, [FromBody] JsonElement? body, StructureRegistry registry, ILoggerFactory logs, HttpContext http, CancellationToken cancellationToken)
    {
        if (body is not { ValueKind: JsonValueKind.Object } element)
        {
            return StructureProblems.Invalid("$", "Le corps doit être une structure en JSON (name, operator, device, department, address, capacity, housing, features).");
        }

        var node = JsonObject.Create(element)!;
        if (node["id"] is { } given && given.GetValueKind() == JsonValueKind.String && given.GetValue<string>() != structureId)
        {
            return StructureProblems.Invalid("$.id", $"L'identifiant du corps ({given.GetValue<string>()}) diffère de celui de l'adresse ({structureId}).");
        }

        node["id"] = structureId;
        Structure structure;
        try
        {
            structure = node.Deserialize<Structure>(WorkflowJson.Binding)!;
        }
        catch (JsonException ex)
        {
            return StructureProblems.Invalid(ex.Path ?? "$", JsonBody.Unreadable("La structure", ex));
        }

        if (StructureValidation.Validate(structure) is { Count: > 0 } violations)
        {
            return StructureProblems.Violations("La structure", violations);
        }

        var created = await registry.SaveAsync(structure, cancellationToken);
        logs.CreateLogger(typeof(StructuresApi)).LogInformation("Structure {StructureId} {Change} by {Actor}", structureId, created ? "registered" : "updated", Caller.Actor(http.User));
        return created ? TypedResults.Created($"{Prefix}/{structureId}", structure) : TypedResults.Ok(structure);
    }
}
