using System.Diagnostics;

namespace ScaleSweep.EndToEnd.Tests.MultiHost;

/// <summary>
/// A test that needs deploy/netns's hosts (network namespaces): skipped, with the reason, where they
/// cannot be made (not root, no iproute2, namespaces refused), never passed without running.
/// </summary>
public sealed class NetnsFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Refusal = new(FindRefusal);

    public NetnsFactAttribute()
    {
        if (Refusal.Value is { } reason)
        {
            Skip = $"multi-host test bed unavailable: {reason}";
        }
    }

    private static string? FindRefusal()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "network namespaces are Linux only";
        }

        if (Environment.UserName != "root" && Environment.GetEnvironmentVariable("USER") != "root")
        {
            return "needs root to create network namespaces";
        }

        try
        {
            using Process add = Process.Start(new ProcessStartInfo("ip", "netns add ssw-canary") { RedirectStandardError = true })!;
            add.WaitForExit();
            if (add.ExitCode != 0)
            {
                return $"'ip netns add' failed: {add.StandardError.ReadToEnd().Trim()}";
            }

            using Process del = Process.Start(new ProcessStartInfo("ip", "netns del ssw-canary") { RedirectStandardError = true })!;
            del.WaitForExit();
            return null;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"no iproute2 'ip' command ({e.Message})";
        }
    }
}
