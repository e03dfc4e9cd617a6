namespace ScaleSweep.Client.Cluster;

/// <summary>
/// Finds the repository's deploy/ folder (Azurite's pinned package and scripts): the --deploy option,
/// else SCALESWEEP_DEPLOY, else the nearest deploy/azurite/package.json above the working directory or
/// above the program itself.
/// </summary>
internal static class DeployLocator
{
    public const string EnvironmentVariable = "SCALESWEEP_DEPLOY";

    public static string Find(string? explicitPath)
    {
        string? configured = explicitPath ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(configured))
        {
            string full = Path.GetFullPath(configured);
            if (!File.Exists(Path.Combine(full, "azurite", "package.json")))
            {
                throw new ClusterUnavailableException(
                    $"{full} is not a ScaleSweep deploy folder (it has no azurite/package.json); check --deploy or {EnvironmentVariable}.");
            }

            return full;
        }

        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "deploy");
                if (File.Exists(Path.Combine(candidate, "azurite", "package.json")))
                {
                    return candidate;
                }
            }
        }

        throw new ClusterUnavailableException(
            $"cannot find ScaleSweep's deploy/ folder (for Azurite): run from the repository, or name it with --deploy or {EnvironmentVariable}, or use --gateway to reach a running cluster.");
    }
}
