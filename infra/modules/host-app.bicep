// The host as a Container App: HTTP API and queue triggers. It scales to zero when idle, and out on the
// length of each queue it listens to (one KEDA azure-queue rule per queue, authenticated with the identity:
// a replica scaled to zero polls nothing, so a queue without a rule would never wake it) and on concurrent
// requests.
param name string
param location string
param tags object
param environmentId string
@description('Resource id of the user-assigned identity: registry pull, Key Vault secrets, storage, KEDA.')
param identityId string
param registryServer string
param image string
@description('Environment variables: the host\'s settings, identical for the app and the timers job.')
param settings resourceInput<'Microsoft.App/containerApps@2025-07-01'>.properties.template.containers[*].env
@description('Container Apps secrets, each a Key Vault reference read with the identity.')
param secrets resourceInput<'Microsoft.App/containerApps@2025-07-01'>.properties.configuration.secrets
param storageAccountName string
@description('Every queue the host\'s triggers listen to.')
param queueNames string[]
param maxReplicas int

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: name
  location: location
  tags: tags
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    environmentId: environmentId
    workloadProfileName: 'Consumption'
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: 8080
        transport: 'auto'
        allowInsecure: false
      }
      registries: [{ server: registryServer, identity: identityId }]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'host'
          image: image
          env: settings
          resources: { cpu: json('0.5'), memory: '1Gi' }
          probes: [
            { type: 'Liveness', httpGet: { path: '/health', port: 8080 }, periodSeconds: 30 }
            { type: 'Readiness', httpGet: { path: '/health/ready', port: 8080 }, periodSeconds: 10 }
          ]
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
        // KEDA asks each queue its length once per polling interval, a storage request each: every 5 minutes, the two
        // listened queues cost 24 requests an hour while the app is scaled to zero (30 s, the default, would cost 240).
        // A queued request waits at most that long for a replica; HTTP wakes one at once, the job fires timers every minute.
        pollingInterval: 300
        cooldownPeriod: 300
        rules: concat(
          map(queueNames, queueName => {
            name: '${queueName}-queue'
            azureQueue: {
              accountName: storageAccountName
              queueName: queueName
              // One replica per batch of messages the host takes at once (host.json, queues.batchSize).
              queueLength: 16
              identity: identityId
            }
          }),
          [
            {
              name: 'http'
              http: { metadata: { concurrentRequests: '50' } }
            }
          ]
        )
      }
    }
  }
}

output name string = app.name
output uri string = 'https://${app.properties.configuration.ingress.fqdn}'
