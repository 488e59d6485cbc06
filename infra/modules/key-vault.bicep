// Key Vault holds the identity-hash and history-chain secrets and the authentication settings; the host reads them as
// Container Apps secrets through its identity. RBAC only (no access policies), purge-protected.
import { roles } from 'role-ids.bicep'

param name string
param location string
param tags object
@description('The host\'s user-assigned identity, granted Key Vault Secrets User.')
param identityName string
param workspaceId string
@secure()
@description('Written only when not empty: rotating it would break the matching of every stored identity.')
param identityHashKey string
@secure()
@description('Written only when not empty: with a new key, the histories sealed under the old one no longer verify.')
param historyKey string
param authAuthority string
param authAudience string

resource hostIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource hashKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(identityHashKey)) {
  parent: vault
  name: 'identity-hash-key'
  properties: { value: identityHashKey }
}

resource chainKey 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(historyKey)) {
  parent: vault
  name: 'history-key'
  properties: { value: historyKey }
}

resource authority 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'auth-authority'
  properties: { value: authAuthority }
}

resource audience 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = {
  parent: vault
  name: 'auth-audience'
  properties: { value: authAudience }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, hostIdentity.id, roles.keyVaultSecretsUser)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: hostIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Every secret read or change, with its caller, for the health-data audit trail.
resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: 'access-logs'
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'audit', enabled: true }] }
}

output name string = vault.name
output uri string = vault.properties.vaultUri
// Versionless URIs: Container Apps picks up a new version of a secret without a redeployment.
output identityHashKeyUri string = '${vault.properties.vaultUri}secrets/identity-hash-key'
output historyKeyUri string = '${vault.properties.vaultUri}secrets/history-key'
output authAuthorityUri string = authority.properties.secretUri
output authAudienceUri string = audience.properties.secretUri
