using System.Net.Sockets;

namespace ScaleSweep.Grains.Hosting;

/// <summary>Tells a storage service that cannot be reached (retry later) from data that cannot be decoded (give up on it).</summary>
public static class StorageFailures
{
    /// <summary>
    /// Another writer changed the stored state since it was read (an ETag mismatch, or a blob created
    /// meanwhile): the reader's copy is stale, and retrying the same write can never succeed.
    /// </summary>
    public static bool IsConflict(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is Orleans.Storage.InconsistentStateException || e is Azure.RequestFailedException { Status: 409 or 412 })
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsTransient(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is Azure.RequestFailedException or HttpRequestException or SocketException or TimeoutException or IOException or TaskCanceledException)
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient))
            {
                return true;
            }
        }

        return false;
    }
}
