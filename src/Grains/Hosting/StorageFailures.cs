using System.Net.Sockets;

namespace ScaleSweep.Grains.Hosting;

/// <summary>Tells a storage service that cannot be reached (retry later) from data that cannot be decoded (give up on it).</summary>
public static class StorageFailures
{
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
