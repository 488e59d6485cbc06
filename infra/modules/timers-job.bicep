// The timers as a scheduled Container Apps Job: every minute, the host's one-shot `run-timers` command
// fires what is due (durable timers, commission cycles, observatory), since the app may be scaled to zero.
// Same image, settings and identity as the app.
param name string
param location string
param tags object
param environmentId string
param identityId string
param registryServer string
param image string
param settings resourceInput<'Microsoft.App/jobs@2025-07-01'>.properties.template.containers[*].env
param secrets resourceInput<'Microsoft.App/jobs@2025-07-01'>.properties.configuration.secrets

resource job 'Microsoft.App/jobs@2025-07-01' = {
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
      triggerType: 'Schedule'
      scheduleTriggerConfig: { cronExpression: '* * * * *', parallelism: 1, replicaCompletionCount: 1 }
      // A run that overlaps the next is harmless (a blob lease lets one firing through); a stuck one ends.
      replicaTimeout: 300
      // No retry: the next minute's run catches up on whatever this one missed.
      replicaRetryLimit: 0
      registries: [{ server: registryServer, identity: identityId }]
      secrets: secrets
    }
    template: {
      containers: [
        {
          name: 'timers'
          image: image
          args: ['run-timers']
          env: settings
          resources: { cpu: json('0.25'), memory: '0.5Gi' }
        }
      ]
    }
  }
}

output name string = job.name
