using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>How "ScaleSweep:Storage" maps to storage clients, and what it refuses, without ever showing a key.</summary>
public sealed class StorageAccountTests
{
    // A well-formed key (base64) that is nobody's: it must appear in no text we produce.
    private const string Key = "c2VjcmV0LWtleS10aGF0LW11c3QtbmV2ZXItYmUtcHJpbnRlZC0xMjM0NTY3OA==";
    private const string Signature = "c2VjcmV0LXNpZ25hdHVyZQ%3D%3D";

    [Fact]
    public void NothingSetIsAzuritesDevelopmentAccountWithAConnectionString()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions());

        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1"), account.BlobServiceUri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableServiceUri);
        Assert.Null(account.Credential);
        Assert.Equal(account.BlobServiceUri, account.BlobService.Uri);
        Assert.Equal(account.TableServiceUri, account.TableService.Uri);
        Assert.Contains("ScaleSweep:Storage:ConnectionString", account.TableSetting, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyValuesCountAsNotSet()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions
        {
            ConnectionString = "", BlobServiceUri = " ", TableServiceUri = "", AccountName = "", ManagedIdentityClientId = "",
        });

        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), account.TableServiceUri);
        Assert.Null(account.Credential);
    }

    [Fact]
    public void AConnectionStringGivesClientsOfThatAccountsEndpoints()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=sweepdata;AccountKey={Key};EndpointSuffix=core.windows.net",
        });

        Assert.Equal(new Uri("https://sweepdata.blob.core.windows.net/"), account.BlobServiceUri);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net/"), account.TableServiceUri);
        Assert.Equal(account.BlobServiceUri, account.BlobService.Uri);
        Assert.Equal(account.TableServiceUri, account.TableService.Uri);
        Assert.Equal("sweepdata", account.BlobService.AccountName);
        Assert.Equal("sweepdata", account.TableService.AccountName);
        Assert.Null(account.Credential);
        Assert.Equal("ScaleSweep:Storage:ConnectionString", account.TableSetting);
        Assert.DoesNotContain(Key, account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AConnectionStringWithExplicitEndpointsGivesThoseEndpoints()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={Key};BlobEndpoint=http://127.0.0.1:41000/devstoreaccount1;TableEndpoint=http://127.0.0.1:41002/devstoreaccount1;",
        });

        Assert.Equal(new Uri("http://127.0.0.1:41000/devstoreaccount1"), account.BlobService.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:41002/devstoreaccount1"), account.TableService.Uri);
    }

    [Fact]
    public void TheEndpointsOfASasConnectionStringAreShownWithoutTheSignature()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions
        {
            ConnectionString = $"BlobEndpoint=https://sweepdata.blob.core.windows.net/;TableEndpoint=https://sweepdata.table.core.windows.net/;SharedAccessSignature=sv=2022-11-02&ss=bt&srt=sco&sp=rwdlac&se=2030-01-01T00:00:00Z&sig={Signature}",
        });

        Assert.Equal(new Uri("https://sweepdata.blob.core.windows.net/"), account.BlobServiceUri);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net/"), account.TableServiceUri);
        Assert.DoesNotContain(Signature, account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void EndpointsGiveClientsOfThoseUrisWithDefaultAzureCredential()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions
        {
            BlobServiceUri = "https://sweepdata.blob.core.windows.net",
            TableServiceUri = "https://sweepdata.table.core.windows.net/",
        });

        Assert.IsType<DefaultAzureCredential>(account.Credential);
        Assert.Equal(new Uri("https://sweepdata.blob.core.windows.net"), account.BlobServiceUri);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net/"), account.TableServiceUri);
        Assert.Equal(account.BlobServiceUri, account.BlobService.Uri);
        Assert.Equal(account.TableServiceUri, account.TableService.Uri);
        Assert.Equal("ScaleSweep:Storage:BlobServiceUri", account.BlobSetting);
        Assert.Equal("ScaleSweep:Storage:TableServiceUri", account.TableSetting);
        Assert.Contains("token credential", account.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAccountNameIsShorthandForItsPublicCloudEndpointsWithATokenCredential()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions { AccountName = "sweepdata" });

        Assert.IsType<DefaultAzureCredential>(account.Credential);
        Assert.Equal(new Uri("https://sweepdata.blob.core.windows.net"), account.BlobService.Uri);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net"), account.TableService.Uri);
        Assert.Equal("ScaleSweep:Storage:AccountName", account.TableSetting);
    }

    [Fact]
    public async Task TheClientsOfEndpointsAuthenticateWithTheAccountsTokenCredential()
    {
        // The credential is asked for a storage token before the first request leaves; nothing listens on the port.
        int port = FreePorts.Take(1)[0];
        var credential = new RecordingCredential();
        var options = new StorageOptions
        {
            BlobServiceUri = $"https://127.0.0.1:{port}/blobs",
            TableServiceUri = $"https://127.0.0.1:{port}/tables",
            ManagedIdentityClientId = "0b6f1b6e-5a5d-4f39-9d4c-0d4a4f3f2a11",
        };
        StorageOptions? seen = null;
        StorageAccount account = StorageAccount.Create(options, o =>
        {
            seen = o;
            return credential;
        });

        Assert.Same(credential, account.Credential);
        Assert.Same(options, seen);
        var fast = new Azure.Storage.Blobs.BlobClientOptions { Retry = { MaxRetries = 0 } };
        await Assert.ThrowsAnyAsync<Exception>(() => account.CreateBlobServiceClient(fast).GetBlobContainerClient("c").ExistsAsync());
        Assert.Contains(credential.Scopes, s => s.StartsWith("https://storage.azure.com", StringComparison.Ordinal));
    }

    [Fact]
    public void AConnectionStringDoesNotAskForATokenCredential()
    {
        StorageAccount account = StorageAccount.Create(new StorageOptions { ConnectionString = "UseDevelopmentStorage=true" },
            _ => throw new InvalidOperationException("no credential may be made for a connection string"));

        Assert.Null(account.Credential);
    }

    [Theory]
    [InlineData("both", "ScaleSweep:Storage: set either ConnectionString or BlobServiceUri and TableServiceUri (or AccountName), not both")]
    [InlineData("connection+name", "ScaleSweep:Storage: set either ConnectionString or BlobServiceUri and TableServiceUri (or AccountName), not both")]
    [InlineData("name+uri", "ScaleSweep:Storage: set either AccountName or BlobServiceUri and TableServiceUri, not both")]
    [InlineData("blob only", "ScaleSweep:Storage:TableServiceUri is not set: BlobServiceUri and TableServiceUri are set together")]
    [InlineData("table only", "ScaleSweep:Storage:BlobServiceUri is not set: BlobServiceUri and TableServiceUri are set together")]
    [InlineData("http", "ScaleSweep:Storage:BlobServiceUri is 'http://sweepdata.blob.core.windows.net'; allowed: an absolute https URI without query")]
    [InlineData("relative", "ScaleSweep:Storage:TableServiceUri is 'sweepdata.table.core.windows.net'; allowed: an absolute https URI without query")]
    [InlineData("bad name", "ScaleSweep:Storage:AccountName is 'Sweep_Data'; allowed: a storage account name, 3-24 lower-case letters and digits")]
    [InlineData("client id with connection string", "ScaleSweep:Storage:ManagedIdentityClientId applies to a token credential only")]
    [InlineData("client id not a guid", "ScaleSweep:Storage:ManagedIdentityClientId is 'my-identity'; allowed: the client id (a GUID) of a user-assigned managed identity")]
    [InlineData("not a connection string", "ScaleSweep:Storage:ConnectionString is not a valid Azure Storage connection string with blob and table endpoints (its value is not shown: it holds a secret)")]
    [InlineData("blob endpoint only", "ScaleSweep:Storage:ConnectionString is not a valid Azure Storage connection string with blob and table endpoints")]
    public void InvalidSettingsAreRefusedWithAMessageNamingTheSettingAndNeverTheKey(string problem, string message)
    {
        StorageOptions options = Invalid(problem);

        OptionsValidationException error = Assert.Throws<OptionsValidationException>(() => StorageAccount.Create(options));

        string failure = Assert.Single(error.Failures);
        Assert.StartsWith(message, failure, StringComparison.Ordinal);
        Assert.Equal(error.Failures, StorageAccount.Validate(options));
        Assert.DoesNotContain(Key, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnEndpointWithASasIsRefusedWithoutShowingTheSignature()
    {
        var options = new StorageOptions
        {
            BlobServiceUri = $"https://sweepdata.blob.core.windows.net/?sv=2022-11-02&sig={Signature}",
            TableServiceUri = "https://sweepdata.table.core.windows.net",
        };

        string failure = Assert.Single(StorageAccount.Validate(options));

        Assert.StartsWith("ScaleSweep:Storage:BlobServiceUri is 'https://sweepdata.blob.core.windows.net/?sv=2022-11-02&sig=(not shown)'; allowed:", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Signature, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AConnectionStringPastedIntoAnEndpointSettingIsNotEchoedWithItsKey()
    {
        var options = new StorageOptions
        {
            BlobServiceUri = $"DefaultEndpointsProtocol=https;AccountName=sweepdata;AccountKey={Key};EndpointSuffix=core.windows.net",
            TableServiceUri = "https://sweepdata.table.core.windows.net",
        };

        string failure = Assert.Single(StorageAccount.Validate(options));

        Assert.StartsWith("ScaleSweep:Storage:BlobServiceUri is '", failure, StringComparison.Ordinal);
        Assert.Contains("AccountKey=(not shown)", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, failure, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, options.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TheOptionsNeverShowTheConnectionString()
    {
        var options = new StorageOptions { ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=sweepdata;AccountKey={Key}" };

        string text = options.ToString();

        Assert.Contains("ConnectionString=(set, not shown)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sweepdata", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Key, text, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSilosAppSettingsWithEndpointsFromTheEnvironmentAreOneValidWay()
    {
        // appsettings.json lists every setting empty; an operator adds the endpoints (environment variables
        // or command line) and must not be told that a connection string is set too.
        IConfiguration configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(Repository.Root, "src", "Silo", "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ScaleSweep:Storage:BlobServiceUri"] = "https://sweepdata.blob.core.windows.net",
                ["ScaleSweep:Storage:TableServiceUri"] = "https://sweepdata.table.core.windows.net",
            })
            .Build();
        StorageOptions options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>()!;

        Assert.Empty(new StorageOptionsValidator().Validate(null, options).Failures ?? []);
        StorageAccount account = StorageAccount.Create(options);
        Assert.Equal(new Uri("https://sweepdata.table.core.windows.net"), account.TableService.Uri);
        Assert.IsType<DefaultAzureCredential>(account.Credential);
    }

    [Theory]
    [InlineData("Scale", 30, "ScaleSweep:Storage:Prefix is 'Scale'; allowed: 3-20 lower-case letters and digits, starting with a letter")]
    [InlineData("scalesweep", -1, "ScaleSweep:Storage:StartupTimeoutSeconds is -1; allowed: 1 to 600, or 0 to skip the startup check")]
    [InlineData("scalesweep", 601, "ScaleSweep:Storage:StartupTimeoutSeconds is 601; allowed: 1 to 600, or 0 to skip the startup check")]
    public void ThePrefixAndTheStartupTimeoutAreChecked(string prefix, int timeout, string message)
    {
        ValidateOptionsResult result = new StorageOptionsValidator().Validate(null, new StorageOptions { Prefix = prefix, StartupTimeoutSeconds = timeout });

        Assert.True(result.Failed);
        Assert.Equal(message, Assert.Single(result.Failures!));
    }

    private static StorageOptions Invalid(string problem) => problem switch
    {
        "both" => new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=sweepdata;AccountKey={Key}",
            BlobServiceUri = "https://sweepdata.blob.core.windows.net",
            TableServiceUri = "https://sweepdata.table.core.windows.net",
        },
        "connection+name" => new StorageOptions { ConnectionString = $"AccountName=sweepdata;AccountKey={Key}", AccountName = "sweepdata" },
        "name+uri" => new StorageOptions { AccountName = "sweepdata", TableServiceUri = "https://sweepdata.table.core.windows.net" },
        "blob only" => new StorageOptions { BlobServiceUri = "https://sweepdata.blob.core.windows.net" },
        "table only" => new StorageOptions { TableServiceUri = "https://sweepdata.table.core.windows.net" },
        "http" => new StorageOptions { BlobServiceUri = "http://sweepdata.blob.core.windows.net", TableServiceUri = "https://sweepdata.table.core.windows.net" },
        "relative" => new StorageOptions { BlobServiceUri = "https://sweepdata.blob.core.windows.net", TableServiceUri = "sweepdata.table.core.windows.net" },
        "bad name" => new StorageOptions { AccountName = "Sweep_Data" },
        "client id with connection string" => new StorageOptions
        {
            ConnectionString = $"DefaultEndpointsProtocol=https;AccountName=sweepdata;AccountKey={Key}",
            ManagedIdentityClientId = "0b6f1b6e-5a5d-4f39-9d4c-0d4a4f3f2a11",
        },
        "client id not a guid" => new StorageOptions { AccountName = "sweepdata", ManagedIdentityClientId = "my-identity" },
        "not a connection string" => new StorageOptions { ConnectionString = $"AccountKey={Key};this is not one" },
        "blob endpoint only" => new StorageOptions { ConnectionString = $"BlobEndpoint=https://sweepdata.blob.core.windows.net;SharedAccessSignature=sv=2022-11-02&sig={Key}" },
        _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
    };
}
