using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using ScaleSweep.Silo;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>
/// ScaleSweep:Silo:Hosting: Process (the default) configures the endpoints from ScaleSweep:Silo;
/// Kubernetes adds Orleans' Kubernetes hosting and leaves the address to it. The hosts are built, not started.
/// </summary>
[Collection(PodEnvironmentCollection.Name)]
public sealed class SiloHostingTests
{
    private static readonly Dictionary<string, string?> StorageClustering = new()
    {
        ["ScaleSweep:Silo:Clustering"] = "AzureStorage",
        ["ScaleSweep:Silo:SiloPort"] = "11111",
        ["ScaleSweep:Silo:GatewayPort"] = "30000",
    };

    [Fact]
    public void Kubernetes_hosting_registers_Orleans_Kubernetes_agent_and_its_options_and_Process_does_not()
    {
        using PodEnvironment pod = new(podIp: "10.1.2.3", serviceId: "scalesweep", clusterId: "scalesweep");
        IServiceCollection kubernetes = SiloServices(With(StorageClustering, ("ScaleSweep:Silo:Hosting", "Kubernetes")));
        Assert.Contains(kubernetes, d => d.ServiceType == typeof(ILifecycleParticipant<ISiloLifecycle>) && d.ImplementationType?.FullName == "Orleans.Hosting.Kubernetes.KubernetesClusterAgent");
        Assert.Contains(kubernetes, d => d.ServiceType == typeof(IValidateOptions<KubernetesHostingOptions>));

        foreach (IServiceCollection process in new[] { SiloServices(StorageClustering), SiloServices(With(StorageClustering, ("ScaleSweep:Silo:Hosting", "Process"))) })
        {
            Assert.DoesNotContain(process, d => d.ImplementationType?.Namespace == "Orleans.Hosting.Kubernetes");
            Assert.DoesNotContain(process, d => d.ServiceType == typeof(IValidateOptions<KubernetesHostingOptions>));
        }
    }

    [Fact]
    public void Under_Kubernetes_the_pod_sets_the_advertised_address_and_the_ids_and_the_ports_stay_ours()
    {
        using PodEnvironment pod = new(podIp: "10.1.2.3", serviceId: "svc-from-pod", clusterId: "cluster-from-pod");
        using IHost host = SiloHost(With(StorageClustering, ("ScaleSweep:Silo:Hosting", "Kubernetes"), ("ScaleSweep:Silo:Address", "127.0.0.1")));

        EndpointOptions endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.1.2.3"), endpoints.AdvertisedIPAddress);
        Assert.Equal(11111, endpoints.SiloPort);
        Assert.Equal(30000, endpoints.GatewayPort);
        // Every address of the pod (its own network namespace), as Orleans' Kubernetes hosting does.
        Assert.Equal(new IPEndPoint(IPAddress.Any, 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Any, 30000), endpoints.GatewayListeningEndpoint);

        ClusterOptions cluster = host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value;
        Assert.Equal("svc-from-pod", cluster.ServiceId);
        Assert.Equal("cluster-from-pod", cluster.ClusterId);
    }

    [Fact]
    public void As_a_process_the_silo_listens_on_and_advertises_the_configured_address_only()
    {
        using PodEnvironment pod = new(podIp: "10.1.2.3", serviceId: "svc-from-pod", clusterId: "cluster-from-pod");
        using IHost host = SiloHost(With(StorageClustering, ("ScaleSweep:Silo:Address", "10.0.0.5"), ("ScaleSweep:Silo:ServiceId", "ours")));

        EndpointOptions endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;
        Assert.Equal(IPAddress.Parse("10.0.0.5"), endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 11111), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Parse("10.0.0.5"), 30000), endpoints.GatewayListeningEndpoint);
        Assert.Equal("ours", host.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId);
    }

    [Theory]
    [InlineData("kubernetes")]
    [InlineData("K8s")]
    [InlineData("")]
    public void An_unknown_hosting_value_is_refused_naming_the_setting_and_the_allowed_values(string value)
    {
        var error = Assert.Throws<OptionsValidationException>(() => SiloServices(With(StorageClustering, ("ScaleSweep:Silo:Hosting", value))));
        Assert.Equal($"ScaleSweep:Silo:Hosting is '{value}'; allowed: Process, Kubernetes", error.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pod-0")]
    [InlineData("0.0.0.0")]
    public void Kubernetes_hosting_without_the_pods_IP_is_refused_naming_the_variable(string? podIp)
    {
        var error = Assert.Throws<OptionsValidationException>(() => SiloServices(With(StorageClustering, ("ScaleSweep:Silo:Hosting", "Kubernetes"), ("POD_IP", podIp ?? ""))));
        Assert.Equal($"ScaleSweep:Silo:Hosting Kubernetes needs the pod's IP address in POD_IP (the downward API's status.podIP); it is '{podIp ?? ""}'", error.Message);
    }

    [Fact]
    public void Kubernetes_hosting_with_Localhost_clustering_is_refused()
    {
        var error = Assert.Throws<OptionsValidationException>(() => SiloServices(new() { ["ScaleSweep:Silo:Hosting"] = "Kubernetes" }));
        Assert.Equal("ScaleSweep:Silo:Hosting Kubernetes needs ScaleSweep:Silo:Clustering AzureStorage, not 'Localhost'", error.Message);
    }

    private static Dictionary<string, string?> With(Dictionary<string, string?> settings, params (string Key, string Value)[] more)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach ((string key, string value) in more)
        {
            all[key] = value;
        }

        return all;
    }

    private static HostApplicationBuilder Builder(Dictionary<string, string?> settings)
    {
        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        // As the silo program: the environment (where a pod's POD_IP is), then the settings.
        builder.Configuration.AddEnvironmentVariables().AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.ConfigureScaleSweepSilo(builder.Configuration));
        return builder;
    }

    private static IServiceCollection SiloServices(Dictionary<string, string?> settings) => Builder(settings).Services;

    private static IHost SiloHost(Dictionary<string, string?> settings) => Builder(settings).Build();
}
