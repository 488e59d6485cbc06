// The storage account of the durable runtime: queues (triggers), tables (instances, history, timers) and
// blobs (timer leases). Identity only: shared keys are disabled, so no connection string exists in Azure.
import { roles } from 'role-ids.bicep'

param name string
param location string
param tags object
param sku string
@description('The queues the host listens to, created here.')
param queueNames string[]
@description('The queues the host writes to and other systems read, created here.')
param outboundQueueNames string[]
@description('The host\'s user-assigned identity, granted queue, table and blob data access.')
param identityName string
@description('Log Analytics workspace receiving the access logs of every service.')
param workspaceId string

resource hostIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource account 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: sku }
  kind: 'StorageV2'
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    // Queues and tables get account-scoped keys, which can only be chosen at creation: a customer-managed
    // key added later then covers them too, not only blobs and files. Infrastructure encryption adds a
    // second layer of encryption at rest.
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
        table: { enabled: true, keyType: 'Account' }
      }
    }
  }
}

resource blobs 'Microsoft.Storage/storageAccounts/blobServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices@2025-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices@2025-01-01' = {
  parent: account
  name: 'default'
}

// Created here rather than by the host: the KEDA scale rules watch them before the host ever runs.
resource hostQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in queueNames: {
    parent: queues
    name: queueName
  }
]

// Created here too, so that their readers find them before the host has written anything.
resource outboundQueues 'Microsoft.Storage/storageAccounts/queueServices/queues@2025-01-01' = [
  for queueName in outboundQueueNames: {
    parent: queues
    name: queueName
  }
]

// Access logs (every read, write and delete, with the caller's identity) for the health-data audit trail.
resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobs
  name: 'access-logs'
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }
}

resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: queues
  name: 'access-logs'
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }
}

resource tableLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: tables
  name: 'access-logs'
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }
}

var dataRoles = [roles.storageQueueDataContributor, roles.storageTableDataContributor, roles.storageBlobDataContributor]

resource dataAccess 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in dataRoles: {
    scope: account
    name: guid(account.id, hostIdentity.id, role)
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: hostIdentity.properties.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output name string = account.name
