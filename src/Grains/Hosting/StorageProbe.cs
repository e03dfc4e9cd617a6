using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;
using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;

namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// The startup check of a silo: can it read the storage account's table and blob services? Orleans'
/// own providers, given an unreachable account, retry for minutes and log thousands of lines of stack
/// traces; this check answers within <see cref="StorageOptions.StartupTimeoutSeconds"/> with one
/// <see cref="StorageUnavailableException"/> that names the endpoint, the reason and the setting to fix.
/// </summary>
/// <remarks>
/// Both probes only read (a query for the runs table, the existence of the sweeps container), so an
/// identity with data roles alone passes them. Refused connections, timeouts and server errors are
/// retried until the deadline (storage may be starting beside the silo); refused credentials and other
/// answers are final at once.
/// </remarks>
public static class StorageProbe
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinAttemptTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(4);

    /// <summary>
    /// Returns when both services answered; throws <see cref="StorageUnavailableException"/> when one
    /// cannot be reached within the options' startup timeout or refuses access. A timeout of 0 skips the check.
    /// </summary>
    public static async Task EnsureReachableAsync(StorageAccount account, StorageOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        if (options.StartupTimeoutSeconds <= 0)
        {
            return;
        }

        var timeout = TimeSpan.FromSeconds(options.StartupTimeoutSeconds);
        var clock = Stopwatch.StartNew();

        // No retries inside the SDK: this loop owns the schedule and the deadline.
        TableServiceClient tables = account.CreateTableServiceClient(new TableClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = AttemptTimeout } });
        string filter = TableServiceClient.CreateQueryFilter($"TableName eq {options.Prefix + "results"}");
        await ProbeAsync(account.TableServiceUri, "table", account.TableSetting, account.Credential is not null, timeout, clock, async token =>
        {
            await foreach (Page<Azure.Data.Tables.Models.TableItem> page in tables.QueryAsync(filter, maxPerPage: 1, token).AsPages().ConfigureAwait(false))
            {
                break;
            }
        }, cancellationToken).ConfigureAwait(false);

        BlobServiceClient blobs = account.CreateBlobServiceClient(new BlobClientOptions { Retry = { MaxRetries = 0, NetworkTimeout = AttemptTimeout } });
        await ProbeAsync(account.BlobServiceUri, "blob", account.BlobSetting, account.Credential is not null, timeout, clock,
            async token => await blobs.GetBlobContainerClient($"{options.Prefix}-{StorageNames.Sweeps}").ExistsAsync(token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
    }

    private static async Task ProbeAsync(Uri endpoint, string service, string setting, bool token, TimeSpan timeout, Stopwatch clock,
        Func<CancellationToken, Task> probe, CancellationToken cancellationToken)
    {
        string where = $"Azure Storage at {endpoint} ({service} endpoint)";
        TimeSpan delay = FirstDelay;
        while (true)
        {
            // The last attempt may start at the deadline: it still gets a second to answer.
            TimeSpan left = timeout - clock.Elapsed;
            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            TimeSpan patience = Clamp(left, MinAttemptTimeout, AttemptTimeout);
            attempt.CancelAfter(patience);
            try
            {
                await probe(attempt.Token).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                (bool retry, string problem, string hint) = Explain(e, where, setting, token, patience);
                left = timeout - clock.Elapsed;
                if (!retry)
                {
                    throw new StorageUnavailableException(problem, hint, e);
                }

                if (left <= TimeSpan.Zero)
                {
                    throw new StorageUnavailableException(
                        problem + string.Create(CultureInfo.InvariantCulture, $" (tried for {clock.Elapsed.TotalSeconds:0} s)"), hint, e);
                }
            }

            await Task.Delay(delay < left ? delay : left, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < MaxDelay ? delay * 2 : MaxDelay;
        }
    }

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) => value < min ? min : value > max ? max : value;

    private static (bool Retry, string Problem, string Hint) Explain(Exception error, string where, string setting, bool token, TimeSpan patience)
    {
        string check = "check " + setting;
        string unreachable = $"cannot reach {where}";
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case CredentialUnavailableException or AuthenticationFailedException:
                    return (false, $"cannot get a token for {where}: {FirstLine(e.Message)}",
                        $"check the silo's identity (managed identity, workload identity or AZURE_CLIENT_ID/AZURE_TENANT_ID environment) and {StorageOptions.Section}:ManagedIdentityClientId");
                case RequestFailedException { Status: 401 or 403 } refused:
                    return (false, $"{where} refused access: {Status(refused)}",
                        token
                            ? $"the silo's identity needs the Storage Table Data Contributor and Storage Blob Data Contributor roles on the account; or {check}"
                            : $"a wrong account key or an expired SAS? {check}");
                case RequestFailedException { Status: 408 or 429 or >= 500 } busy:
                    return (true, $"{unreachable}: it answered {Status(busy)}", check);
                case RequestFailedException { Status: > 0 } other:
                    return (false, $"{where} answered {Status(other)}: is that a storage account's endpoint?", check);
                case AuthenticationException:
                    return (false, $"{unreachable}: the TLS handshake failed ({FirstLine(e.Message)})", check);
                case SocketException socket:
                    return (true, $"{unreachable}: {Describe(socket.SocketErrorCode)}", check);
                case HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError }:
                    return (true, $"{unreachable}: host not found", check);
                case OperationCanceledException or TimeoutException:
                    return (true, string.Create(CultureInfo.InvariantCulture, $"{unreachable}: no answer within {patience.TotalSeconds:0.#} s"), check);
            }
        }

        return (false, $"{unreachable}: {error.GetType().Name}: {FirstLine(error.GetBaseException().Message)}", check);
    }

    private static string Status(RequestFailedException e)
    {
        string? detail = string.IsNullOrEmpty(e.ErrorCode) ? e.GetRawResponse()?.ReasonPhrase : e.ErrorCode;
        return string.Create(CultureInfo.InvariantCulture, $"{e.Status}{(string.IsNullOrEmpty(detail) ? "" : " " + detail)}");
    }

    private static string Describe(SocketError error) => error switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host not found",
        SocketError.TimedOut => "connection timed out",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable or SocketError.NetworkDown => "network unreachable",
        SocketError.ConnectionReset => "connection reset",
        _ => "socket error " + error,
    };

    private static string FirstLine(string text)
    {
        string line = text.Split('\n', 2)[0].Trim();
        return line.Length <= 300 ? line : line[..300] + "...";
    }
}
