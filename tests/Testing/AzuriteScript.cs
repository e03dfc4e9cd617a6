using System.Diagnostics;

namespace ScaleSweep.Testing;

/// <summary>
/// deploy/azurite/azurite.sh, the one way the tests start and stop an Azurite: it starts it in its own
/// process group, waits until its ports answer, and stops it by that group.
/// </summary>
internal static class AzuriteScript
{
    /// <summary>Runs the script with the arguments; throws with its output when it fails.</summary>
    public static void Run(string arguments)
    {
        string script = Path.Combine(Repository.Root, "deploy", "azurite", "azurite.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", $"\"{script}\" {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"azurite.sh {arguments} failed: {error}{output.Result}");
        }
    }
}
