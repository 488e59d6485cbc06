namespace Guichet.Infra.Tests;

/// <summary>The ARM resource types the tests look for.</summary>
internal static class ResourceTypes
{
    public const string Storage = "Microsoft.Storage/storageAccounts";
    public const string Queue = "Microsoft.Storage/storageAccounts/queueServices/queues";
    public const string Identity = "Microsoft.ManagedIdentity/userAssignedIdentities";
    public const string RoleAssignment = "Microsoft.Authorization/roleAssignments";
    public const string DiagnosticSettings = "Microsoft.Insights/diagnosticSettings";
    public const string ContainerApp = "Microsoft.App/containerApps";
    public const string Job = "Microsoft.App/jobs";
    public const string Environment = "Microsoft.App/managedEnvironments";
    public const string KeyVault = "Microsoft.KeyVault/vaults";
    public const string KeyVaultSecret = "Microsoft.KeyVault/vaults/secrets";
    public const string Registry = "Microsoft.ContainerRegistry/registries";
    public const string Workspace = "Microsoft.OperationalInsights/workspaces";
    public const string AppInsights = "Microsoft.Insights/components";
}
