// The leaflet service on Azure: a Function App on the Flex Consumption plan, serving leaflets published to a
// blob container and sharing rendered PDFs through another. Deploy with (see docs/deploy-to-azure.md):
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

var storageAccountName = take('${toLower(replace(replace(appName, '-', ''), '_', ''))}${uniqueString(resourceGroup().id, appName)}', 24)
var leafletsContainerName = 'leaflets'
var pdfCacheContainerName = 'pdf-cache'
var deploymentContainerName = 'app-package'

// Built-in role definitions the app's managed identity needs on its storage account.
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    // The app reads the leaflets and PDF cache containers with a connection string (Content__Blob__ConnectionString).
    allowSharedKeyAccess: true
  }
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
  parent: blobService
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

var contentConnectionString = 'DefaultEndpointsProtocol=https;AccountName=${storage.name};AccountKey=${storage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'

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
      appSettings: [
        // The host's own storage, reached with the app's managed identity rather than a key.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'Content__Source'
          value: 'blob'
        }
        {
          name: 'Content__Blob__ConnectionString'
          value: contentConnectionString
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
          name: 'PdfCache__Blob__Container'
          value: pdfCacheContainerName
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
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

resource roleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
    name: guid(storage.id, functionApp.id, role)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
      principalId: functionApp.identity.principalId
      principalType: 'ServicePrincipal'
    }
  }
]

output functionAppName string = functionApp.name
output defaultHostName string = functionApp.properties.defaultHostName
output storageAccountName string = storage.name
output leafletsContainer string = leafletsContainerName
