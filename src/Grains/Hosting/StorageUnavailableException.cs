namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// The storage account could not be used at startup (see <see cref="StorageProbe"/>). <see cref="Problem"/>
/// says which endpoint and why; <see cref="Exception.Message"/> adds which setting to check. Neither holds a
/// key or signature.
/// </summary>
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException(string problem, string hint, Exception? inner = null)
        : base(StorageRedaction.Redact($"{problem}; {hint}"), inner)
    {
        Problem = StorageRedaction.Redact(problem);
    }

    /// <summary>Endpoint and reason, e.g. "cannot reach Azure Storage at http://127.0.0.1:10002/devstoreaccount1 (table endpoint): connection refused".</summary>
    public string Problem { get; }
}
