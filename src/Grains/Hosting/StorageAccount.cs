using System.Globalization;
using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Microsoft.Extensions.Options;

namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// The storage account of <see cref="StorageOptions"/>: its blob and table endpoints and how to
/// authenticate, checked once. The one place that makes <see cref="TableServiceClient"/>s and
/// <see cref="BlobServiceClient"/>s from configuration (grain storage, reminders, membership, the startup
/// check all take theirs here), so every part of a silo talks to the same account the same way.
/// </summary>
/// <remarks>
/// With a connection string the clients authenticate with its key or SAS; with endpoints or an account
/// name, with <see cref="DefaultAzureCredential"/> (environment, workload identity, managed identity,
/// then developer tools). The connection string is kept for making clients only: <see cref="ToString"/>,
/// the endpoints and every message here are free of secrets.
/// </remarks>
public sealed class StorageAccount
{
    private const string Settings = StorageOptions.Section + ":";

    private readonly string? _connectionString;
    private readonly Lazy<TableServiceClient> _tableService;
    private readonly Lazy<BlobServiceClient> _blobService;

    private StorageAccount(string? connectionString, Uri blobServiceUri, Uri tableServiceUri, TokenCredential? credential, string blobSetting, string tableSetting)
    {
        _connectionString = connectionString;
        BlobServiceUri = blobServiceUri;
        TableServiceUri = tableServiceUri;
        Credential = credential;
        BlobSetting = blobSetting;
        TableSetting = tableSetting;
        _tableService = new Lazy<TableServiceClient>(() => CreateTableServiceClient());
        _blobService = new Lazy<BlobServiceClient>(() => CreateBlobServiceClient());
    }

    /// <summary>The blob service endpoint, without any query (a SAS is a secret).</summary>
    public Uri BlobServiceUri { get; }

    /// <summary>The table service endpoint, without any query.</summary>
    public Uri TableServiceUri { get; }

    /// <summary>The token credential of an account named by endpoints or name; null for a connection string.</summary>
    public TokenCredential? Credential { get; }

    /// <summary>The setting an operator fixes when the blob endpoint is wrong (for messages).</summary>
    public string BlobSetting { get; }

    /// <summary>The setting an operator fixes when the table endpoint is wrong (for messages).</summary>
    public string TableSetting { get; }

    /// <summary>One client of the table service for the silo's providers (clients are thread-safe and meant to be shared).</summary>
    public TableServiceClient TableService => _tableService.Value;

    /// <summary>One client of the blob service for the silo's providers.</summary>
    public BlobServiceClient BlobService => _blobService.Value;

    /// <summary>The account the settings name; throws <see cref="OptionsValidationException"/> with every problem when they are not valid.</summary>
    public static StorageAccount Create(StorageOptions options) => Create(options, NewCredential);

    /// <summary>As <see cref="Create(StorageOptions)"/>, with the token credential made by <paramref name="credential"/> (a test seam).</summary>
    internal static StorageAccount Create(StorageOptions options, Func<StorageOptions, TokenCredential> credential)
    {
        var errors = new List<string>();
        StorageAccount? account = TryCreate(options, credential, errors);
        if (account is null)
        {
            throw new OptionsValidationException(StorageOptions.Section, typeof(StorageOptions), errors);
        }

        return account;
    }

    /// <summary>What is wrong with the account settings of <paramref name="options"/>; empty when they are valid.</summary>
    public static IReadOnlyList<string> Validate(StorageOptions options)
    {
        var errors = new List<string>();
        TryCreate(options, NewCredential, errors);
        return errors;
    }

    /// <summary>A new table service client (e.g. with other retry options); <see cref="TableService"/> is the shared one.</summary>
    public TableServiceClient CreateTableServiceClient(TableClientOptions? options = null)
    {
        options ??= new TableClientOptions();
        return _connectionString is not null
            ? new TableServiceClient(_connectionString, options)
            : new TableServiceClient(TableServiceUri, Credential!, options);
    }

    /// <summary>A new blob service client (e.g. with other retry options); <see cref="BlobService"/> is the shared one.</summary>
    public BlobServiceClient CreateBlobServiceClient(BlobClientOptions? options = null)
    {
        options ??= new BlobClientOptions();
        return _connectionString is not null
            ? new BlobServiceClient(_connectionString, options)
            : new BlobServiceClient(BlobServiceUri, Credential!, options);
    }

    /// <summary>The endpoints and how the account authenticates; never a key.</summary>
    public override string ToString() =>
        $"blob {BlobServiceUri}, table {TableServiceUri}, {(Credential is null ? "connection string" : "token credential (DefaultAzureCredential)")}";

    private static StorageAccount? TryCreate(StorageOptions options, Func<StorageOptions, TokenCredential> credential, List<string> errors)
    {
        ArgumentNullException.ThrowIfNull(options);
        bool connection = IsSet(options.ConnectionString);
        bool blob = IsSet(options.BlobServiceUri);
        bool table = IsSet(options.TableServiceUri);
        bool name = IsSet(options.AccountName);
        bool clientId = IsSet(options.ManagedIdentityClientId);

        if (connection && (blob || table || name))
        {
            errors.Add($"{StorageOptions.Section}: set either ConnectionString or BlobServiceUri and TableServiceUri (or AccountName), not both");
            return null;
        }

        if (name && (blob || table))
        {
            errors.Add($"{StorageOptions.Section}: set either AccountName or BlobServiceUri and TableServiceUri, not both");
            return null;
        }

        if (clientId && !(blob || table || name))
        {
            errors.Add($"{Settings}ManagedIdentityClientId applies to a token credential only: set it with BlobServiceUri and TableServiceUri or with AccountName, not with ConnectionString");
        }
        else if (clientId && !Guid.TryParse(options.ManagedIdentityClientId, out _))
        {
            errors.Add($"{Settings}ManagedIdentityClientId is '{StorageRedaction.Redact(options.ManagedIdentityClientId)}'; allowed: the client id (a GUID) of a user-assigned managed identity, or empty for the system-assigned one");
        }

        if (blob || table)
        {
            if (blob != table)
            {
                errors.Add($"{Settings}{(blob ? "TableServiceUri" : "BlobServiceUri")} is not set: BlobServiceUri and TableServiceUri are set together (or set AccountName alone for an account in Azure's public cloud)");
                return null;
            }

            Uri? blobUri = Endpoint("BlobServiceUri", options.BlobServiceUri!, "blob", errors);
            Uri? tableUri = Endpoint("TableServiceUri", options.TableServiceUri!, "table", errors);
            return blobUri is null || tableUri is null || errors.Count > 0
                ? null
                : new StorageAccount(null, blobUri, tableUri, credential(options), Settings + "BlobServiceUri", Settings + "TableServiceUri");
        }

        if (name)
        {
            string account = options.AccountName!.Trim();
            if (account.Length is < 3 or > 24 || !account.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c)))
            {
                errors.Add($"{Settings}AccountName is '{StorageRedaction.Redact(account)}'; allowed: a storage account name, 3-24 lower-case letters and digits");
                return null;
            }

            return errors.Count > 0
                ? null
                : new StorageAccount(null, PublicCloud(account, "blob"), PublicCloud(account, "table"), credential(options), Settings + "AccountName", Settings + "AccountName");
        }

        string connectionString = connection ? options.ConnectionString!.Trim() : StorageOptions.DevelopmentConnectionString;
        string setting = Settings + "ConnectionString";
        Uri blobEndpoint, tableEndpoint;
        try
        {
            blobEndpoint = new BlobServiceClient(connectionString).Uri;
            tableEndpoint = new TableServiceClient(connectionString).Uri;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or InvalidOperationException)
        {
            // The parsers' messages may quote the string, key included: none of it is shown.
            errors.Add($"{setting} is not a valid Azure Storage connection string with blob and table endpoints (its value is not shown: it holds a secret); allowed: " +
                "DefaultEndpointsProtocol=https;AccountName=NAME;AccountKey=KEY;EndpointSuffix=core.windows.net, one with BlobEndpoint=...;TableEndpoint=..., " +
                $"or {StorageOptions.DevelopmentConnectionString} (Azurite); or leave it empty and set BlobServiceUri and TableServiceUri, or AccountName");
            return null;
        }

        string named = connection ? setting : setting + " (not set: Azurite's development account)";
        return errors.Count > 0 ? null : new StorageAccount(connectionString, WithoutQuery(blobEndpoint), WithoutQuery(tableEndpoint), null, named, named);
    }

    private static Uri? Endpoint(string setting, string value, string service, List<string> errors)
    {
        if (Uri.TryCreate(value.Trim(), UriKind.Absolute, out Uri? uri) && uri.Scheme == Uri.UriSchemeHttps
            && uri.Query.Length == 0 && uri.Fragment.Length == 0 && uri.UserInfo.Length == 0)
        {
            return uri;
        }

        errors.Add($"{Settings}{setting} is '{StorageRedaction.Redact(value)}'; allowed: an absolute https URI without query, such as https://ACCOUNT.{service}.core.windows.net " +
            "(a token credential is sent over https only; a key or SAS belongs in ConnectionString instead)");
        return null;
    }

    private static Uri PublicCloud(string account, string service) =>
        new(string.Create(CultureInfo.InvariantCulture, $"https://{account}.{service}.core.windows.net"));

    private static Uri WithoutQuery(Uri uri) => new(uri.GetLeftPart(UriPartial.Path));

    private static TokenCredential NewCredential(StorageOptions options) =>
        new DefaultAzureCredential(new DefaultAzureCredentialOptions
        {
            ManagedIdentityClientId = IsSet(options.ManagedIdentityClientId) ? options.ManagedIdentityClientId!.Trim() : null,
        });

    private static bool IsSet(string? value) => !string.IsNullOrWhiteSpace(value);
}
