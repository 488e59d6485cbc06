// The image the host runs now, so that `azd provision` after a deployment keeps it instead of putting the
// placeholder back (azd deploys the image; Bicep only provisions).
param containerAppName string
param exists bool
param fallbackImage string

resource current 'Microsoft.App/containerApps@2025-07-01' existing = if (exists) {
  name: containerAppName
}

output image string = exists ? current!.properties.template!.containers![0].image! : fallbackImage
