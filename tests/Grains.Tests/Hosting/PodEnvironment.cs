using Orleans.Hosting.Kubernetes;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>
/// The downward-API variables Orleans' Kubernetes hosting reads from the process environment (it takes
/// no other source), set for one test and restored after it. Only Kubernetes hosting reads them, and
/// the tests that set them are in <see cref="PodEnvironmentCollection"/>, so they never overlap.
/// </summary>
public sealed class PodEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved = [];

    public PodEnvironment(string podIp, string serviceId, string clusterId)
    {
        Set(KubernetesHostingOptions.PodIPEnvironmentVariable, podIp);
        Set(KubernetesHostingOptions.PodNameEnvironmentVariable, "scalesweep-silo-0");
        Set(KubernetesHostingOptions.PodNamespaceEnvironmentVariable, "scalesweep");
        Set(KubernetesHostingOptions.ServiceIdEnvironmentVariable, serviceId);
        Set(KubernetesHostingOptions.ClusterIdEnvironmentVariable, clusterId);
    }

    public void Dispose()
    {
        foreach ((string name, string? value) in _saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    private void Set(string name, string value)
    {
        _saved[name] = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
    }
}
