// The leaflet service on Azure: a Function App on the Flex Consumption plan, serving leaflets published to a
// blob container and sharing rendered PDFs through another. Deploy with (see "Deploy to Azure" in README.md):
//   az deployment group create --resource-group <rg> --template-file infra/main.bicep --parameters appName=<name>

@description('Base name for the Function App and its plan; also the prefix of the storage account name.')
@minLength(3)
@maxLength(40)
param appName string

@description('Azure region for every resource.')
param location string = resourceGroup().location

@description('Seconds between checks of the leaflets container for published changes (Content__RefreshSeconds).')
@minValue(0)
param contentRefreshSeconds int = 60

@description('Most instances the plan may scale out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per instance in MB (Flex Consumption offers 512, 2048 and 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Days a rendered PDF is kept in the pdf-cache container after it was stored.')
@minValue(1)
param pdfCacheRetentionDays int = 90

@description('Object ids of the people or groups who run leaflets publish (az login): they may write the leaflets container.')
param publisherPrincipalIds array = []

@description('Who may show the leaflet pages in a frame (Http__FrameAncestors): \'none\', or \'self\' and partner origins.')
param frameAncestors string = '\'none\''

@description('Origins whose web pages may call the API from a browser (Cors__AllowedOrigins and the platform\'s CORS): [\'*\'] for any, or partner origins such as \'https://portal.example.org\'.')
@minLength(1)
param corsAllowedOrigins array = ['*']

var storageNamePrefix = toLower(replace(replace(appName, '-', ''), '_', ''))
var storageNameSuffix = uniqueString(resourceGroup().id, appName)
// The leaflets and the PDF cache keep the account name earlier versions of this template gave them.
var storageAccountName = take('${storageNamePrefix}${storageNameSuffix}', 24)
// The Functions host's own storage (keys, leases, the deployment package) lives apart, so that the Owner role it
// needs there does not extend to the leaflets.
var hostStorageAccountName = take('${take(storageNamePrefix, 10)}h${storageNameSuffix}', 24)
var leafletsContainerName = 'leaflets'
var pdfCacheContainerName = 'pdf-cache'
var deploymentContainerName = 'app-package'

// Built-in role definitions for the app's managed identity and the publishers.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageBlobDataContributor = 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
var storageBlobDataReader = '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

// Both accounts take Entra ID tokens only: no account key can read or write them, so none needs keeping secret.
var keylessAccountProperties = {
  minimumTlsVersion: 'TLS1_2'
  allowBlobPublicAccess: false
  supportsHttpsTrafficOnly: true
  allowSharedKeyAccess: false
  defaultToOAuthAuthentication: true
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: keylessAccountProperties
}

resource hostStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: hostStorageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: keylessAccountProperties
}

resource hostBlobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: hostStorage
  name: 'default'
}

resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: storage
  name: 'default'
}

resource leafletsContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: leafletsContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource pdfCacheContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: blobService
  name: pdfCacheContainerName
  properties: {
    publicAccess: 'None'
  }
}

resource deploymentContainer 'Microsoft.Storage/storageAccounts/blobServices/containers@2023-05-01' = {
  parent: hostBlobService
  name: deploymentContainerName
  properties: {
    publicAccess: 'None'
  }
}

// A stored PDF is never asked for again once its leaflet changes (its key names the content hash), so old ones expire.
resource pdfCacheLifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2023-05-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-rendered-pdfs'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: ['${pdfCacheContainerName}/']
            }
            actions: {
              baseBlob: {
                delete: {
                  daysAfterModificationGreaterThan: pdfCacheRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: '${appName}-plan'
  location: location
  kind: 'functionapp'
  sku: {
    tier: 'FlexConsumption'
    name: 'FC1'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2024-04-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      // CORS is done by the app (Cors__AllowedOrigins below), because this platform setting names origins only: it
      // cannot expose ETag or Content-Disposition to a page's script, nor say which headers a page may send. It cannot
      // be left empty either: on Flex Consumption the Functions host runs ASP.NET Core's CORS middleware with these
      // origins on every request and answers every preflight itself, before any function (allowing whatever method and
      // headers are asked for); with no origins it would refuse every preflight, and so every fetch() that sends
      // If-None-Match. So it gets the same origins as the app, from the one parameter.
      cors: {
        allowedOrigins: corsAllowedOrigins
        supportCredentials: false
      }
      appSettings: [
        // The host's own storage, reached with the app's managed identity rather than a key.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: hostStorage.name
        }
        // The library's home page is ours: without this the host answers / with its own "Your Functions app is up"
        // page before our catch-all function (host.json's routePrefix is empty so that the app owns the root).
        {
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
        {
          name: 'Content__Source'
          value: 'blob'
        }
        // A service address and no key: the app reaches both containers with its managed identity.
        {
          name: 'Content__Blob__ServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'Content__Blob__Container'
          value: leafletsContainerName
        }
        {
          name: 'Content__RefreshSeconds'
          value: string(contentRefreshSeconds)
        }
        {
          name: 'PdfCache__Blob__ServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'PdfCache__Blob__Container'
          value: pdfCacheContainerName
        }
        {
          name: 'Http__FrameAncestors'
          value: frameAncestors
        }
        {
          name: 'Cors__AllowedOrigins'
          value: join(corsAllowedOrigins, ' ')
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${hostStorage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'SystemAssignedIdentity'
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
  dependsOn: [
    deploymentContainer
    leafletsContainer
    pdfCacheContainer
  ]
}

resource hostStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
    name: guid(hostStorage.id, functionApp.id, role)
    scope: hostStorage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

// The app only reads the leaflets: a fault or a compromise in it cannot change what patients are told.
resource leafletsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(leafletsContainer.id, functionApp.id, storageBlobDataReader)
  scope: leafletsContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataReader)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// It stores the PDFs it renders.
resource pdfCacheContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(pdfCacheContainer.id, functionApp.id, storageBlobDataContributor)
  scope: pdfCacheContainer
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
    principalId: functionApp.identity.principalId
    principalType: 'ServicePrincipal'
  }
}

// leaflets publish --service-uri, run by an editor signed in with az login.
resource publishers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in publisherPrincipalIds: {
    name: guid(leafletsContainer.id, principalId, storageBlobDataContributor)
    scope: leafletsContainer
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataContributor)
      principalId: principalId
    }
  }
]

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output storageAccountName string = storage.name
output blobServiceUri string = storage.properties.primaryEndpoints.blob
output leafletsContainer string = leafletsContainerName
