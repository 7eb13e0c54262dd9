using Azure.Core;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace Leaflets.Storage;

/// <summary>A setting's value and its name (for messages; the value is never shown).</summary>
public readonly record struct Setting(string? Value, string Name)
{
    public bool IsSet => !string.IsNullOrWhiteSpace(Value);

    /// <summary>How the setting is written as an environment variable or app setting.</summary>
    public string EnvironmentName => Name.StartsWith("--", StringComparison.Ordinal) ? Name : Name.Replace(":", "__", StringComparison.Ordinal);
}

/// <summary>
/// How the app reaches a storage account: a blob service address with no key, reached with a token from
/// DefaultAzureCredential (the Function App's managed identity in Azure, the Azure CLI login on a workstation;
/// AZURE_CLIENT_ID picks a user-assigned identity), or a connection string (Azurite, a clinic's own server).
/// A connection string is a secret: no message here repeats it, nor carries the exception its parser raised,
/// which a host would print.
/// </summary>
public sealed class BlobAccount
{
    private static readonly Lazy<TokenCredential> ManagedIdentity = new(() => new DefaultAzureCredential());

    private readonly Func<BlobClientOptions?, BlobServiceClient> _connect;

    private BlobAccount(Func<BlobClientOptions?, BlobServiceClient> connect, string setting, bool usesIdentity)
    {
        _connect = connect;
        SettingName = setting;
        UsesManagedIdentity = usesIdentity;
    }

    /// <summary>The setting the account was read from.</summary>
    public string SettingName { get; }

    public bool UsesManagedIdentity { get; }

    /// <summary>
    /// The account a service URI or a connection string names, or null when neither is set. Setting both, a URI that
    /// is not an https service address without query, or a connection string that does not parse stops the app
    /// with an <see cref="InvalidOperationException"/> naming the setting.
    /// </summary>
    public static BlobAccount? From(Setting serviceUri, Setting connectionString)
    {
        if (serviceUri.IsSet && connectionString.IsSet)
        {
            throw new InvalidOperationException(
                $"Both {serviceUri.Name} and {connectionString.Name} are set: set {serviceUri.Name} to use the managed identity, "
                + $"or {connectionString.Name} for Azurite or a server of your own, not both.");
        }
        return serviceUri.IsSet ? FromServiceUri(serviceUri)
            : connectionString.IsSet ? FromConnectionString(connectionString)
            : null;
    }

    public static BlobAccount FromServiceUri(Setting serviceUri)
    {
        if (!Uri.TryCreate(serviceUri.Value!.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.AbsolutePath != "/"
            || uri.UserInfo.Length > 0)
        {
            throw new InvalidOperationException(
                $"{serviceUri.Name} must be the https address of a blob service, with no container, key or SAS, for example "
                + $"https://youraccount.blob.core.windows.net (env {serviceUri.EnvironmentName}). A key or SAS belongs in a connection string.");
        }
        return new BlobAccount(options => new BlobServiceClient(uri, ManagedIdentity.Value, options), serviceUri.Name, usesIdentity: true);
    }

    public static BlobAccount FromConnectionString(Setting connectionString)
    {
        var value = connectionString.Value!.Trim();
        try
        {
            _ = new BlobServiceClient(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            throw new InvalidOperationException($"{connectionString.Name} is not a valid storage connection string (env {connectionString.EnvironmentName}).");
        }
        return new BlobAccount(options => new BlobServiceClient(value, options), connectionString.Name, usesIdentity: false);
    }

    public BlobContainerClient Container(string name, BlobClientOptions? options = null) =>
        _connect(options).GetBlobContainerClient(name);
}
