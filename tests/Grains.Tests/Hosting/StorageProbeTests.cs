using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Tests.Infrastructure;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>The startup check against the tests' Azurite and against ports where nothing listens.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageProbeTests
{
    // Azurite's development key, which it accepts, and a well-formed one it refuses.
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private const string WrongKey = "d3Jvbmcta2V5LXRoYXQtbXVzdC1uZXZlci1iZS1wcmludGVkLTEyMzQ1Njc4OTA=";

    [Fact]
    public async Task TheTestsAzuriteAnswersTheCheck()
    {
        var options = new StorageOptions { ConnectionString = Azurite.ConnectionString, Prefix = Azurite.NewPrefix(), StartupTimeoutSeconds = 10 };

        await StorageProbe.EnsureReachableAsync(StorageAccount.Create(options), options, CancellationToken.None);
    }

    [Fact]
    public async Task AClosedPortIsReportedAsUnreachableWithItsEndpointAfterTheTimeout()
    {
        int port = FreePorts.Take(1)[0];
        var options = new StorageOptions { ConnectionString = Account(DevelopmentKey, port, port), Prefix = Azurite.NewPrefix(), StartupTimeoutSeconds = 2 };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageProbe.EnsureReachableAsync(StorageAccount.Create(options), options, CancellationToken.None));

        Assert.StartsWith($"cannot reach Azure Storage at http://127.0.0.1:{port}/devstoreaccount1 (table endpoint): connection refused (tried for ", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("; check ScaleSweep:Storage:ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(DevelopmentKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBlobEndpointIsCheckedToo()
    {
        int port = FreePorts.Take(1)[0];
        var options = new StorageOptions { ConnectionString = Account(DevelopmentKey, port, 10002), Prefix = Azurite.NewPrefix(), StartupTimeoutSeconds = 2 };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageProbe.EnsureReachableAsync(StorageAccount.Create(options), options, CancellationToken.None));

        Assert.StartsWith($"cannot reach Azure Storage at http://127.0.0.1:{port}/devstoreaccount1 (blob endpoint): connection refused", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAccountKeyIsReportedAtOnceWithoutTheKey()
    {
        var options = new StorageOptions { ConnectionString = Account(WrongKey, 10000, 10002), Prefix = Azurite.NewPrefix(), StartupTimeoutSeconds = 60 };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() => StorageProbe.EnsureReachableAsync(StorageAccount.Create(options), options, CancellationToken.None));

        Assert.StartsWith("Azure Storage at http://127.0.0.1:10002/devstoreaccount1 (table endpoint) refused access: 403", error.Message, StringComparison.Ordinal);
        Assert.Contains("wrong account key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("tried for", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingIdentityIsReportedAtOnceWithTheEndpoint()
    {
        int port = FreePorts.Take(1)[0];
        var options = new StorageOptions { BlobServiceUri = $"https://127.0.0.1:{port}/b", TableServiceUri = $"https://127.0.0.1:{port}/t", StartupTimeoutSeconds = 60 };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            StorageProbe.EnsureReachableAsync(StorageAccount.Create(options, _ => RecordingCredential.Unavailable), options, CancellationToken.None));

        Assert.Equal($"cannot get a token for Azure Storage at https://127.0.0.1:{port}/t (table endpoint): {RecordingCredential.UnavailableMessage}", error.Problem);
        Assert.Contains("ScaleSweep:Storage:ManagedIdentityClientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithATokenAClosedPortIsUnreachableAndNamesTheEndpointSetting()
    {
        int port = FreePorts.Take(1)[0];
        var options = new StorageOptions { BlobServiceUri = $"https://127.0.0.1:{port}/b", TableServiceUri = $"https://127.0.0.1:{port}/t", StartupTimeoutSeconds = 1 };

        var error = await Assert.ThrowsAsync<StorageUnavailableException>(() =>
            StorageProbe.EnsureReachableAsync(StorageAccount.Create(options, _ => new RecordingCredential()), options, CancellationToken.None));

        Assert.StartsWith($"cannot reach Azure Storage at https://127.0.0.1:{port}/t (table endpoint): connection refused", error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("; check ScaleSweep:Storage:TableServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATimeoutOfZeroSkipsTheCheck()
    {
        int port = FreePorts.Take(1)[0];
        var options = new StorageOptions { ConnectionString = Account(DevelopmentKey, port, port), StartupTimeoutSeconds = 0 };

        await StorageProbe.EnsureReachableAsync(StorageAccount.Create(options), options, CancellationToken.None);
    }

    private static string Account(string key, int blobPort, int tablePort) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};BlobEndpoint=http://127.0.0.1:{blobPort}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{tablePort}/devstoreaccount1;";
}
