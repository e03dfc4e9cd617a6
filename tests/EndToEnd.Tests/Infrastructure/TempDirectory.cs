namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>A folder of one test class's own under the temp folder (specs, data, outputs), deleted with it.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates scalesweep-e2e-<paramref name="name"/>-XXXXXX in the temp folder.</summary>
    public TempDirectory(string name)
    {
        FullName = Directory.CreateTempSubdirectory($"scalesweep-e2e-{name}-").FullName;
    }

    public string FullName { get; }

    /// <summary>The path of <paramref name="name"/> inside it.</summary>
    public string Combine(string name) => Path.Combine(FullName, name);

    /// <summary>Deletes it; a silo that still holds a file there leaves it behind rather than fail the test.</summary>
    public void Dispose()
    {
        try
        {
            Directory.Delete(FullName, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
