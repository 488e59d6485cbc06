using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Guichet.Infra.Tests;

/// <summary>The host's identity holds exactly the data roles it needs, on the resources that need them.</summary>
[Collection(InfraGroup.Name)]
public sealed partial class RoleAssignmentTests(CompiledInfra infra)
{
    // Built-in role definition ids: the same GUIDs in every Azure tenant.
    [Theory]
    [InlineData("Storage Queue Data Contributor", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", ResourceTypes.Storage)]
    [InlineData("Storage Table Data Contributor", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", ResourceTypes.Storage)]
    [InlineData("Storage Blob Data Contributor", "ba92f5b4-2d11-453d-a403-e96b0029c9fe", ResourceTypes.Storage)]
    [InlineData("AcrPull", "7f951dda-4ed3-4680-a7ca-43fe172d538d", ResourceTypes.Registry)]
    [InlineData("Key Vault Secrets User", "4633458b-17de-408a-b874-0445c86b69e6", ResourceTypes.KeyVault)]
    public void Role_GrantedToHostIdentity_OnItsResource(string role, string roleId, string scopeType)
    {
        var assignments = infra.Main.OfType(ResourceTypes.RoleAssignment).Where(a => GrantedRoles(a).Contains(roleId)).ToList();

        var assignment = Assert.Single(assignments);
        Assert.True(HostIdentity.IsPrincipal(infra.Main, assignment), $"{role} is not granted to the host's identity.");
        Assert.Equal("ServicePrincipal", assignment.Text("properties.principalType"));
        Assert.Contains($"'{scopeType}'", assignment.Text("scope"), StringComparison.Ordinal);
    }

    [Fact]
    public void RoleAssignments_NoOtherRole()
    {
        var granted = infra.Main.OfType(ResourceTypes.RoleAssignment).SelectMany(GrantedRoles).Order(StringComparer.Ordinal);

        Assert.Equal(
            ["0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "4633458b-17de-408a-b874-0445c86b69e6", "7f951dda-4ed3-4680-a7ca-43fe172d538d", "974c5e8b-45b9-4653-ba55-5f855dd0fb88", "ba92f5b4-2d11-453d-a403-e96b0029c9fe"],
            granted);
    }

    // The role ids an assignment can grant: GUIDs in its roleDefinitionId, or in the variables it reads
    // (a loop over a list of roles grants each of them).
    private static HashSet<string> GrantedRoles(ArmResource assignment)
    {
        var roles = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        Collect(assignment.Text("properties.roleDefinitionId"), assignment.Variables, roles);
        return roles;
    }

    private static void Collect(string expression, JsonObject variables, HashSet<string> roles)
    {
        roles.UnionWith(Guid().Matches(expression).Select(m => m.Value));
        foreach (Match reference in VariableReference().Matches(expression))
        {
            var node = variables[reference.Groups["name"].Value];
            if (reference.Groups["property"].Success)
            {
                node = node?[reference.Groups["property"].Value];
            }

            foreach (var text in Strings(node))
            {
                Collect(text, variables, roles);
            }
        }
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => [text],
        JsonArray array => array.SelectMany(Strings),
        JsonObject obj => obj.Select(p => p.Value).SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex(@"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();

    [GeneratedRegex(@"variables\('(?<name>\w+)'\)(?:\.(?<property>\w+))?")]
    private static partial Regex VariableReference();
}
