using Orleans.Runtime;

namespace ScaleSweep.Client.Cluster;

/// <summary>
/// Repeats a read-only cluster call that failed because a gateway or the silo behind it went away: the
/// client moves to another gateway, and a grain on a dead silo is activated elsewhere once the cluster
/// declares the silo dead, both within seconds. Only calls that are safe to repeat go through here.
/// </summary>
internal static class ClusterCalls
{
    /// <summary>How long the cluster may stay unreachable before the CLI gives up and says so.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Runs <paramref name="call"/>; on a lost gateway or silo says so once through <paramref name="say"/>,
    /// retries every second, says when it is back, and after <see cref="Patience"/> throws
    /// <see cref="ClusterUnavailableException"/>.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, Action<string> say, CancellationToken cancellationToken)
    {
        DateTime? since = null;
        while (true)
        {
            try
            {
                T result = await call().ConfigureAwait(false);
                if (since is not null)
                {
                    say($"the cluster answers again after {(DateTime.UtcNow - since.Value).TotalSeconds:0} s.");
                }

                return result;
            }
            catch (Exception e) when (IsLostConnection(e))
            {
                if (since is null)
                {
                    since = DateTime.UtcNow;
                    say($"lost a gateway or the silo behind it ({Brief(e)}); retrying through the other gateways.");
                }
                else if (DateTime.UtcNow - since.Value > Patience)
                {
                    throw new ClusterUnavailableException(
                        $"no gateway has answered for {Patience.TotalSeconds:0} s ({Brief(e)}). A sweep goes on in the cluster while any silo lives; "
                        + "`scalesweep status ID` with a live gateway follows it again.", e);
                }

                await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The first line of the innermost message, at most 160 characters: Orleans' messages carry whole requests and stacks.</summary>
    internal static string Brief(Exception e)
    {
        string message = e.GetBaseException().Message;
        int end = message.IndexOfAny(['\r', '\n']);
        string line = (end < 0 ? message : message[..end]).Trim();
        return line.Length <= 160 ? line : line[..157] + "...";
    }

    /// <summary>
    /// A failure of the path to the grain, not of the grain: the message was rejected (silo unavailable,
    /// gateway dead), the connection failed, or no response came in time.
    /// </summary>
    public static bool IsLostConnection(Exception e) => e is OrleansMessageRejectionException
        or TimeoutException
        or GatewayTooBusyException
        or Orleans.Runtime.Messaging.ConnectionFailedException;
}
