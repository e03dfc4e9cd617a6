using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Hosting.Kubernetes;
using ScaleSweep.Grains.Hosting;

namespace ScaleSweep.Silo;

/// <summary>Configures a ScaleSweep silo from configuration: shared by the silo program and the CLI's embedded silo.</summary>
public static class ScaleSweepSiloHost
{
    /// <summary>The section whose values override Orleans' <see cref="ClusterMembershipOptions"/> (failure detection).</summary>
    public const string MembershipSection = "ScaleSweep:Membership";

    /// <summary>Clustering, endpoints, the ScaleSweep grains and the start-up warm-up, all from <paramref name="configuration"/>.</summary>
    public static ISiloBuilder ConfigureScaleSweepSilo(this ISiloBuilder silo, IConfiguration configuration)
    {
        SiloOptions options = configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        bool kubernetes = IsKubernetes(options);
        var address = IPAddress.Parse(options.Address);
        silo.Configure<ClusterOptions>(o =>
        {
            o.ClusterId = options.ClusterId;
            o.ServiceId = options.ServiceId;
        });

        switch (options.Clustering)
        {
            case "Localhost":
                silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort,
                    new IPEndPoint(address, options.PrimarySiloPort), options.ServiceId, options.ClusterId);
                break;
            case "AzureStorage":
                silo.UseAzureStorageClustering(o => o.Configure<IOptions<StorageOptions>, StorageAccount>((table, storage, account) =>
                {
                    table.TableServiceClient = account.TableService;
                    table.TableName = storage.Value.Prefix + "membership";
                }));
                break;
            default:
                throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions),
                    [$"ScaleSweep:Silo:Clustering is '{options.Clustering}'; allowed: Localhost, AzureStorage"]);
        }

        if (kubernetes)
        {
            // Kubernetes hosting post-configures the listening endpoints (every address of the pod) and
            // the advertised address where they are unset, and reads ORLEANS_SERVICE_ID and
            // ORLEANS_CLUSTER_ID over the ids above. The advertised address is set here from the same
            // POD_IP: Orleans' default endpoint provider, registered before Kubernetes hosting, would
            // otherwise fill it first with an address of the machine's interfaces that it picks itself.
            IPAddress pod = PodAddress(configuration);
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = pod;
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
            });
            silo.UseKubernetesHosting();
        }
        else
        {
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = address;
                o.SiloPort = options.SiloPort;
                o.GatewayPort = options.GatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(address, options.SiloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(address, options.GatewayPort);
            });
        }

        // Detect a dead silo in about a second and a hung one in a few, instead of Orleans' defaults of
        // about 11 s and 61 s: a lost silo's runs wait for its death declaration before they move.
        // Every value can be overridden under MembershipSection.
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.MaxProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            configuration.GetSection(MembershipSection).Bind(o);
        });

        return silo.AddScaleSweep(configuration).AddScaleSweepWarmup(configuration);
    }

    /// <summary>
    /// The startup check of a built, not yet started silo host: validates "ScaleSweep:Storage" (throws
    /// <see cref="OptionsValidationException"/>) and probes the account's table and blob endpoints (throws
    /// <see cref="StorageUnavailableException"/> within the configured startup timeout), so that a silo
    /// without storage says so in one line instead of Orleans retrying for minutes.
    /// </summary>
    public static async Task CheckStorageAsync(this IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        StorageOptions options = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        StorageAccount account = services.GetRequiredService<StorageAccount>();
        var clock = Stopwatch.StartNew();
        await StorageProbe.EnsureReachableAsync(account, options, cancellationToken).ConfigureAwait(false);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageProbe).FullName!)
            .LogInformation("Azure Storage answered in {Seconds:F1} s: {Account}", clock.Elapsed.TotalSeconds, account);
    }

    /// <summary>The pod's IP from the downward API (status.podIP in POD_IP), which Kubernetes hosting reads too.</summary>
    private static IPAddress PodAddress(IConfiguration configuration)
    {
        string name = KubernetesHostingOptions.PodIPEnvironmentVariable;
        string? value = configuration[name];
        if (!IPAddress.TryParse(value, out IPAddress? pod) || pod.Equals(IPAddress.Any) || pod.Equals(IPAddress.IPv6Any))
        {
            throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions),
                [$"ScaleSweep:Silo:Hosting Kubernetes needs the pod's IP address in {name} (the downward API's status.podIP); it is '{value}'"]);
        }

        return pod;
    }

    /// <summary>Whether <see cref="SiloOptions.Hosting"/> is Kubernetes; throws for an unknown value or Kubernetes without storage clustering.</summary>
    private static bool IsKubernetes(SiloOptions options)
    {
        switch (options.Hosting)
        {
            case "Process":
                return false;
            case "Kubernetes":
                if (options.Clustering != "AzureStorage")
                {
                    // Kubernetes hosting reconciles membership with the pods; it does not replace a membership table.
                    throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions),
                        [$"ScaleSweep:Silo:Hosting Kubernetes needs ScaleSweep:Silo:Clustering AzureStorage, not '{options.Clustering}'"]);
                }

                return true;
            default:
                throw new OptionsValidationException(SiloOptions.Section, typeof(SiloOptions),
                    [$"ScaleSweep:Silo:Hosting is '{options.Hosting}'; allowed: Process, Kubernetes"]);
        }
    }
}
