using System.Reflection;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>The silo and CLI dlls the tests run: those of the configuration this project was built in.</summary>
public static class BuiltPrograms
{
    /// <summary>Release or Debug: the build configuration of this test assembly (and so of the programs it runs).</summary>
    public static string Configuration => Metadata("Configuration");

    public static string SiloDll => Program(Path.Combine("src", "Silo"), "scalesweep-silo.dll");

    public static string ClientDll => Program(Path.Combine("src", "Client"), "scalesweep.dll");

    private static string Program(string project, string dll)
    {
        string path = Path.Combine(Repository.Root, project, "bin", Configuration, Metadata("TargetFramework"), dll);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"{path} is missing: build the solution (dotnet build Cluster.sln -c {Configuration}) before running the end-to-end tests.", path);
        }

        return path;
    }

    private static string Metadata(string key) =>
        typeof(BuiltPrograms).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"assembly metadata {key} is empty");
}
