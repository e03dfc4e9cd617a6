using System.Reflection;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where the repository and the built programs are: the folder holding Cluster.sln above the test
/// assembly, and the silo and CLI dlls of the configuration this project was built in.
/// </summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    /// <summary>Release or Debug: the build configuration of this test assembly (and so of the programs it runs).</summary>
    public static string Configuration => Metadata("Configuration");

    public static string SiloDll => Program(Path.Combine("src", "Silo"), "scalesweep-silo.dll");

    public static string ClientDll => Program(Path.Combine("src", "Client"), "scalesweep.dll");

    public static string Example(string name) => Path.Combine(Root, "examples", name);

    private static string Program(string project, string dll)
    {
        string path = Path.Combine(Root, project, "bin", Configuration, Metadata("TargetFramework"), dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: build the solution (dotnet build Cluster.sln -c {Configuration}) before running the end-to-end tests.", path);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cluster.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cluster.sln not found above " + AppContext.BaseDirectory);
    }
}
