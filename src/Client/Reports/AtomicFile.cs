namespace ScaleSweep.Client.Reports;

/// <summary>
/// A report file written under a temporary name beside its target and renamed over it on
/// <see cref="Commit"/>, so a reader never sees a half-written file and an interrupted write leaves the
/// previous version in place. Disposing without committing deletes the temporary file. A file streamed
/// group by group (seeds.csv) is written through <see cref="Stream"/> as it is fetched.
/// </summary>
internal sealed class AtomicFile : IDisposable
{
    private readonly string _temporary;
    private readonly string _target;
    private bool _committed;

    private AtomicFile(string directory, string fileName)
    {
        _target = Path.GetFullPath(Path.Combine(directory, fileName));
        _temporary = Path.Combine(Path.GetDirectoryName(_target)!, $".{fileName}.{Guid.NewGuid():N}.tmp");
        Stream = new FileStream(_temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
    }

    /// <summary>The temporary file's content.</summary>
    public FileStream Stream { get; }

    /// <summary>Opens the temporary file for <paramref name="fileName"/> in <paramref name="directory"/> (which must exist).</summary>
    public static AtomicFile Create(string directory, string fileName) => new(directory, fileName);

    /// <summary>Flushes the content to disk and renames it over the target; returns the target's full path.</summary>
    public string Commit()
    {
        Stream.Flush(flushToDisk: true);
        Stream.Dispose();
        File.Move(_temporary, _target, overwrite: true);
        _committed = true;
        return _target;
    }

    public void Dispose()
    {
        Stream.Dispose();
        if (!_committed && File.Exists(_temporary))
        {
            File.Delete(_temporary);
        }
    }
}
