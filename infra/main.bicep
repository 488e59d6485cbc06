// Guichet unique on Azure (`azd up`): one resource group holding the storage account the durable runtime
// runs on, the container registry, Key Vault, monitoring, and the host twice over: a Container App for
// HTTP and queue triggers, and a scheduled Container Apps Job for the timers (a replica scaled to zero
// fires no timer). Every resource reaches another through one user-assigned identity, never a key.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment: names and tags every resource.')
param environmentName string

// Health data (HDS) stays in France: the only region offered is France Central.
@description('Region of every resource.')
@allowed(['francecentral'])
@metadata({ azd: { type: 'location' } })
param location string = 'francecentral'

@description('Whether the host\'s Container App exists already (azd sets SERVICE_HOST_RESOURCE_EXISTS), so that a re-provision keeps the deployed image.')
param hostExists bool = false

@description('Secret of the keyed identity hash, written to Key Vault only when given: changing it breaks the matching of every stored identity, so an empty value leaves the vault\'s secret as it is.')
@secure()
param identityHashKey string = ''

@description('Secret of the keyed history chain (HMAC-SHA256), written to Key Vault only when given: with a new key, the histories sealed under the old one no longer verify, so an empty value leaves the vault\'s secret as it is.')
@secure()
param historyKey string = ''

@description('Entra ID authority the API accepts tokens from; empty: the tenant of the deployment.')
param authAuthority string = ''

@description('Audience the API\'s tokens must be issued for.')
param authAudience string = 'api://guichet-unique'

@description('Replication of the storage account; zone-redundant keeps every copy in France Central.')
@allowed(['Standard_LRS', 'Standard_ZRS'])
param storageSku string = 'Standard_ZRS'

@description('Days logs, access logs and telemetry are kept in Log Analytics.')
@minValue(90)
@maxValue(730)
param logRetentionInDays int = 365

@description('Upper bound of the host\'s replicas under load.')
@minValue(1)
@maxValue(30)
param maxReplicas int = 10

@description('Time zone of the NCRONTAB timer schedules, and of the devices\' opening dates.')
param timersTimeZone string = 'Europe/Paris'

@description('First day (YYYY-MM-DD) the window takes ACT requests; empty: not open.')
param actOpenFrom string = '2026-01-01'

@description('First day (YYYY-MM-DD) the window takes LHSS requests; empty: not open yet.')
param lhssOpenFrom string = ''

@description('First day (YYYY-MM-DD) the window takes LAM requests; empty: not open yet.')
param lamOpenFrom string = ''

@description('How long a prescriber has to answer a question on a dossier (d.hh:mm:ss).')
param informationDeadline string = '30.00:00:00'

@description('Every how many calendar months a waiting dossier is confirmed by its prescriber (the reminder goes a month before).')
param confirmationMonths string = '6'

@description('How many calendar months an unconfirmed dossier, its prescriber and the guichet asked again, waits before it expires.')
param confirmationGraceMonths string = '1'

var authority = empty(authAuthority) ? '${environment().authentication.loginEndpoint}${tenant().tenantId}/v2.0' : authAuthority
var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
// Every queue the host's triggers listen to (functions/Guichet.Host/TriggerRegistration.cs): each is created
// with the account and wakes the host through its own KEDA scale rule. Guichet.Infra.Tests fails when a
// queue the host listens to is missing here.
var hostQueues = ['workflow-events', 'dossiers-intake', 'vacancy-matching', 'placement-starts']
// Queues the host writes and other systems read (rejected intake messages, every dossier status change): created
// with the account, with no scale rule, since no replica of the host consumes them.
var outboundQueues = ['dossiers-intake-rejected', 'dossier-events', 'placement-alerts']
// Shown until `azd deploy` pushes the host's image (the first provision runs before any build).
var placeholderImage = 'mcr.microsoft.com/k8se/quickstart:latest'
// Names known before deployment, so that role assignment names and lookups stay predictable for What-If.
var identityName = 'id-${token}'
var appInsightsName = 'appi-${token}'

resource group 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  params: { name: identityName, location: location, tags: tags }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  params: { workspaceName: 'log-${token}', appInsightsName: appInsightsName, location: location, tags: tags, retentionInDays: logRetentionInDays }
}

module storage 'modules/storage.bicep' = {
  scope: group
  params: {
    name: 'st${token}'
    location: location
    tags: tags
    sku: storageSku
    queueNames: hostQueues
    outboundQueueNames: outboundQueues
    identityName: identityName
    workspaceId: monitoring.outputs.workspaceId
  }
  dependsOn: [identity]
}

module registry 'modules/registry.bicep' = {
  scope: group
  params: { name: 'cr${token}', location: location, tags: tags, identityName: identityName, workspaceId: monitoring.outputs.workspaceId }
  dependsOn: [identity]
}

module vault 'modules/key-vault.bicep' = {
  scope: group
  params: {
    name: 'kv-${token}'
    location: location
    tags: tags
    identityName: identityName
    workspaceId: monitoring.outputs.workspaceId
    identityHashKey: identityHashKey
    historyKey: historyKey
    authAuthority: authority
    authAudience: authAudience
  }
  dependsOn: [identity]
}

module containerEnvironment 'modules/container-environment.bicep' = {
  scope: group
  params: { name: 'cae-${token}', location: location, tags: tags, workspaceId: monitoring.outputs.workspaceId, appInsightsName: appInsightsName }
}

var hostName = 'ca-host-${token}'

module currentImage 'modules/current-image.bicep' = {
  scope: group
  params: { containerAppName: hostName, exists: hostExists, fallbackImage: placeholderImage }
}

// Every setting the host reads in Azure, under the name local.settings.sample.json gives it in `Values`.
// Guichet.Infra.Tests fails when a setting of the sample (other than its `LocalOnly` ones) is missing here:
// a new setting goes in this list. OTEL_EXPORTER_OTLP_ENDPOINT is absent on purpose: the environment's
// managed OpenTelemetry agent injects it, and a value here would override the agent's.
var settings = [
  { name: 'AzureWebJobsStorage__accountName', value: storage.outputs.name }
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.outputs.clientId }
  { name: 'Auth__Mode', value: 'EntraId' }
  { name: 'Auth__Authority', secretRef: 'auth-authority' }
  { name: 'Auth__Audience', secretRef: 'auth-audience' }
  { name: 'Guichet__IdentityHashKey', secretRef: 'identity-hash-key' }
  { name: 'Guichet__HistoryKey', secretRef: 'history-key' }
  { name: 'Timers__TimeZone', value: timersTimeZone }
  { name: 'Devices__ACT__OpenFrom', value: actOpenFrom }
  { name: 'Devices__LHSS__OpenFrom', value: lhssOpenFrom }
  { name: 'Devices__LAM__OpenFrom', value: lamOpenFrom }
  { name: 'Dossiers__InformationDeadline', value: informationDeadline }
  { name: 'Dossiers__ConfirmationMonths', value: confirmationMonths }
  { name: 'Dossiers__ConfirmationGraceMonths', value: confirmationGraceMonths }
  { name: 'OTEL_SERVICE_NAME', value: 'guichet-unique' }
]

// Container Apps secrets read from Key Vault through the identity (no version: the latest is picked up).
var secrets = [
  { name: 'auth-authority', keyVaultUrl: vault.outputs.authAuthorityUri, identity: identity.outputs.id }
  { name: 'auth-audience', keyVaultUrl: vault.outputs.authAudienceUri, identity: identity.outputs.id }
  { name: 'identity-hash-key', keyVaultUrl: vault.outputs.identityHashKeyUri, identity: identity.outputs.id }
  { name: 'history-key', keyVaultUrl: vault.outputs.historyKeyUri, identity: identity.outputs.id }
]

module host 'modules/host-app.bicep' = {
  scope: group
  params: {
    name: hostName
    location: location
    tags: { 'azd-env-name': environmentName, 'azd-service-name': 'host' }
    environmentId: containerEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: currentImage.outputs.image
    settings: settings
    secrets: secrets
    storageAccountName: storage.outputs.name
    queueNames: hostQueues
    maxReplicas: maxReplicas
  }
}

module timers 'modules/timers-job.bicep' = {
  scope: group
  params: {
    name: 'caj-timers-${token}'
    location: location
    tags: tags
    environmentId: containerEnvironment.outputs.id
    identityId: identity.outputs.id
    registryServer: registry.outputs.loginServer
    image: currentImage.outputs.image
    settings: settings
    secrets: secrets
  }
}

// Read by azd (registry, environment) and by the postdeploy hook of azure.yaml (job, group).
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.outputs.loginServer
output AZURE_CONTAINER_REGISTRY_NAME string = registry.outputs.name
output AZURE_CONTAINER_APPS_ENVIRONMENT_ID string = containerEnvironment.outputs.id
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = containerEnvironment.outputs.name
output AZURE_KEY_VAULT_NAME string = vault.outputs.name
output AZURE_KEY_VAULT_ENDPOINT string = vault.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_TIMERS_JOB_NAME string = timers.outputs.name
output SERVICE_HOST_NAME string = host.outputs.name
output SERVICE_HOST_URI string = host.outputs.uri
