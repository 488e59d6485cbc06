// The Container Apps environment: platform logs go to Log Analytics through Azure Monitor diagnostics
// (no workspace key), and its managed OpenTelemetry agent forwards the host's traces and logs to
// Application Insights. The agent injects OTEL_EXPORTER_OTLP_ENDPOINT into the containers.
param name string
param location string
param tags object
param workspaceId string
param appInsightsName string

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// A preview API version: the managed OpenTelemetry agent (appInsightsConfiguration,
// openTelemetryConfiguration) is not in the stable ones yet.
resource environment 'Microsoft.App/managedEnvironments@2025-10-02-preview' = {
  name: name
  location: location
  tags: tags
  properties: {
    appLogsConfiguration: { destination: 'azure-monitor' }
    appInsightsConfiguration: { connectionString: appInsights.properties.ConnectionString }
    openTelemetryConfiguration: {
      tracesConfiguration: { destinations: ['appInsights'] }
      logsConfiguration: { destinations: ['appInsights'] }
    }
    workloadProfiles: [{ name: 'Consumption', workloadProfileType: 'Consumption' }]
  }
}

resource logs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: environment
  name: 'platform-logs'
  properties: { workspaceId: workspaceId, logs: [{ categoryGroup: 'allLogs', enabled: true }] }
}

output id string = environment.id
output name string = environment.name
