using System.Text.RegularExpressions;

namespace Guichet.Infra.Tests;

/// <summary>Recognises, in the compiled template, references to the one user-assigned identity.</summary>
internal static partial class HostIdentity
{
    /// <summary>
    /// Whether an expression is the resource id main.bicep passes on from its identity module:
    /// <c>[reference('identity').outputs.id.value]</c>, where that module declares the identity.
    /// </summary>
    public static bool IsIdentityId(ArmTemplate template, string? expression) =>
        expression is not null
        && ModuleOutputId().Match(expression) is { Success: true } match
        && template.OfType(ResourceTypes.Identity).Any(r => r.Module == $"main/{match.Groups["module"].Value}");

    /// <summary>
    /// Whether a value of the snapshot is the resource id the identity module outputs: in a snapshot, a module's
    /// output reads <c>[reference(resourceId(…, 'Microsoft.Resources/deployments', format('identity-{0}', …)), …).outputs.id.value]</c>.
    /// </summary>
    public static bool IsPredictedIdentityId(ArmTemplate template, string? expression) =>
        expression is not null
        && PredictedModuleOutputId().Match(expression) is { Success: true } match
        && template.OfType(ResourceTypes.Identity).Any(r => r.Module == $"main/{match.Groups["module"].Value}");

    /// <summary>
    /// Whether a role assignment's principal is the identity: its <c>principalId</c> reads an identity resource of
    /// its own module, and that resource has the name of the declared identity.
    /// </summary>
    public static bool IsPrincipal(ArmTemplate template, ArmResource assignment)
    {
        var principal = assignment.Text("properties.principalId");
        if (ReferencedSymbol().Match(principal) is not { Success: true } match)
        {
            return false;
        }

        var referenced = template.Resources.SingleOrDefault(r => r.Module == assignment.Module && r.Symbol == match.Groups["symbol"].Value);
        var declared = template.Single(ResourceTypes.Identity);
        return referenced is not null
            && referenced.Type == ResourceTypes.Identity
            && referenced.Text("name") == declared.Text("name");
    }

    [GeneratedRegex(@"^\[reference\('(?<module>\w+)'\)\.outputs\.id\.value\]$")]
    private static partial Regex ModuleOutputId();

    [GeneratedRegex(@"^\[reference\(resourceId\([^()]*'Microsoft\.Resources/deployments', format\('(?<module>\w+)-\{0\}', uniqueString\('\k<module>', deployment\(\)\.name\)\)\), '[^']+'\)\.outputs\.id\.value\]$")]
    private static partial Regex PredictedModuleOutputId();

    [GeneratedRegex(@"^\[reference\('(?<symbol>\w+)'\)\.principalId\]$")]
    private static partial Regex ReferencedSymbol();
}
