using System.Globalization;
using System.Net;
using Orleans.Hosting.Kubernetes;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Telemetry;
using YamlDotNet.RepresentationModel;
using static ScaleSweep.EndToEnd.Tests.Deploy.KubernetesManifests;

namespace ScaleSweep.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/kubernetes cannot be applied here: its YAML is parsed and checked against what the silo reads
/// (the options classes, Orleans' Kubernetes hosting's labels and variables) and against itself (ports,
/// selectors, the service account's role).
/// </summary>
public sealed class KubernetesManifestTests
{
    /// <summary>The silo's host shutdown timeout (src/Silo/Program.cs): Kubernetes must wait longer before SIGKILL.</summary>
    private const int SiloShutdownSeconds = 60;

    private readonly KubernetesManifests _manifests = Load();

    private YamlMappingNode Deployment => _manifests.OfKind("Deployment").Single();

    private YamlMappingNode PodSpec => (YamlMappingNode)At(Deployment, "spec", "template", "spec")!;

    private YamlMappingNode Silo => Items(PodSpec, "containers").Single(c => Text(c, "name") == "silo");

    [Fact]
    public void Every_document_has_a_kind_and_name_and_all_are_in_one_namespace()
    {
        Assert.NotEmpty(_manifests.Documents);
        string? ns = Text(_manifests.OfKind("Namespace").Single(), "metadata", "name");
        foreach ((string file, YamlMappingNode node) in _manifests.Documents)
        {
            Assert.False(string.IsNullOrEmpty(Text(node, "apiVersion")), $"{file}: no apiVersion");
            Assert.False(string.IsNullOrEmpty(Text(node, "kind")), $"{file}: no kind");
            Assert.False(string.IsNullOrEmpty(Text(node, "metadata", "name")), $"{file}: no metadata.name");
            if (Text(node, "kind") != "Namespace")
            {
                Assert.True(Text(node, "metadata", "namespace") == ns, $"{file}: {Text(node, "kind")} is not in namespace {ns}");
            }
        }
    }

    [Fact]
    public void Every_ScaleSweep_variable_of_the_silo_names_a_settable_option_with_a_value_of_its_type()
    {
        var settings = SiloEnvironment().Where(e => SettingNames.IsScaleSweep(e.Name)).ToList();
        Assert.Contains(settings, e => e.Name == "ScaleSweep__Silo__Hosting");
        Assert.Contains(settings, e => e.Name == "ScaleSweep__Storage__ConnectionString");
        string[] problems = settings.Select(e => SettingNames.Problem(e.Name, e.Value)).OfType<string>().ToArray();
        Assert.True(problems.Length == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_silo_runs_with_Kubernetes_hosting_on_storage_clustering_with_the_downward_API_variables()
    {
        Dictionary<string, string?> env = Values();
        Assert.Equal("Kubernetes", env["ScaleSweep__Silo__Hosting"]);
        Assert.Equal("AzureStorage", env["ScaleSweep__Silo__Clustering"]);

        Dictionary<string, string?> fields = Items(Silo, "env")
            .Where(e => At(e, "valueFrom", "fieldRef") is not null)
            .ToDictionary(e => Text(e, "name")!, e => Text(e, "valueFrom", "fieldRef", "fieldPath"), StringComparer.Ordinal);
        Assert.Equal("metadata.name", fields[KubernetesHostingOptions.PodNameEnvironmentVariable]);
        Assert.Equal("metadata.namespace", fields[KubernetesHostingOptions.PodNamespaceEnvironmentVariable]);
        Assert.Equal("status.podIP", fields[KubernetesHostingOptions.PodIPEnvironmentVariable]);
    }

    [Fact]
    public void The_pod_labels_and_Orleans_variables_name_the_service_and_cluster_ids_the_silo_is_configured_with()
    {
        Dictionary<string, string?> env = Values();
        Dictionary<string, string> labels = Pairs(Deployment, "spec", "template", "metadata", "labels");
        var defaults = new SiloOptions();
        string serviceId = env.GetValueOrDefault("ScaleSweep__Silo__ServiceId") ?? defaults.ServiceId;
        string clusterId = env.GetValueOrDefault("ScaleSweep__Silo__ClusterId") ?? defaults.ClusterId;

        // Kubernetes hosting sets the ids from these variables and finds its pods by these labels.
        Assert.Equal(serviceId, env[KubernetesHostingOptions.ServiceIdEnvironmentVariable]);
        Assert.Equal(clusterId, env[KubernetesHostingOptions.ClusterIdEnvironmentVariable]);
        Assert.Equal(serviceId, labels[KubernetesHostingOptions.ServiceIdLabel]);
        Assert.Equal(clusterId, labels[KubernetesHostingOptions.ClusterIdLabel]);

        Dictionary<string, string> selector = Pairs(Deployment, "spec", "selector", "matchLabels");
        Assert.NotEmpty(selector);
        Assert.All(selector, l => Assert.Equal(l.Value, labels.GetValueOrDefault(l.Key)));
    }

    [Fact]
    public void The_gateway_service_and_the_probes_reach_the_gateway_port_the_silo_is_set_to()
    {
        int gateway = Port("ScaleSweep__Silo__GatewayPort", new SiloOptions().GatewayPort);
        int silo = Port("ScaleSweep__Silo__SiloPort", new SiloOptions().SiloPort);
        Assert.Contains(silo, ContainerPorts().Values);

        YamlMappingNode service = _manifests.OfKind("Service").Single();
        Dictionary<string, string> labels = Pairs(Deployment, "spec", "template", "metadata", "labels");
        Dictionary<string, string> selector = Pairs(service, "spec", "selector");
        Assert.NotEmpty(selector);
        Assert.All(selector, l => Assert.Equal(l.Value, labels.GetValueOrDefault(l.Key)));
        YamlMappingNode port = Items(service, "spec", "ports").Single();
        Assert.Equal(gateway, Resolve(Text(port, "targetPort") ?? Text(port, "port")!));

        foreach (string probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.True(Text(Silo, probe, "tcpSocket", "port") is { } probed, $"{probe} is not a TCP probe");
            Assert.Equal(gateway, Resolve(Text(Silo, probe, "tcpSocket", "port")!));
        }
    }

    [Fact]
    public void The_Prometheus_annotations_name_the_metrics_port_and_path_the_silo_serves_on_the_pods_address()
    {
        var defaults = new TelemetryOptions();
        Dictionary<string, string?> env = Values();
        int metrics = Port("ScaleSweep__Telemetry__PrometheusPort", defaults.PrometheusPort);
        Dictionary<string, string> annotations = Pairs(Deployment, "spec", "template", "metadata", "annotations");

        Assert.Equal("true", annotations["prometheus.io/scrape"]);
        Assert.Equal(metrics, int.Parse(annotations["prometheus.io/port"], CultureInfo.InvariantCulture));
        Assert.Equal("/metrics", annotations["prometheus.io/path"]);
        Assert.Contains(metrics, ContainerPorts().Values);

        // A scraper on another pod reaches the pod's address, never its loopback.
        string address = env.GetValueOrDefault("ScaleSweep__Telemetry__PrometheusAddress") ?? defaults.PrometheusAddress;
        Assert.False(IPAddress.IsLoopback(IPAddress.Parse(address)), $"the scrape endpoint binds to {address}");
    }

    [Fact]
    public void The_pod_outlives_the_silos_shutdown_and_its_service_account_has_the_role_Kubernetes_hosting_needs()
    {
        Assert.True(int.Parse(Text(PodSpec, "terminationGracePeriodSeconds")!, CultureInfo.InvariantCulture) > SiloShutdownSeconds);

        string account = Text(PodSpec, "serviceAccountName")!;
        _manifests.Named("ServiceAccount", account);
        YamlMappingNode binding = _manifests.OfKind("RoleBinding").Single(b =>
            Items(b, "subjects").Any(s => Text(s, "kind") == "ServiceAccount" && Text(s, "name") == account));
        Assert.Equal("Role", Text(binding, "roleRef", "kind"));
        YamlMappingNode role = _manifests.Named("Role", Text(binding, "roleRef", "name")!);

        // Orleans' KubernetesClusterAgent: reads and labels its own pod, lists and watches the cluster's pods.
        string[] verbs = Items(role, "rules")
            .Where(r => ((YamlSequenceNode)At(r, "resources")!).Children.OfType<YamlScalarNode>().Any(n => n.Value == "pods"))
            .SelectMany(r => ((YamlSequenceNode)At(r, "verbs")!).Children.OfType<YamlScalarNode>().Select(n => n.Value!))
            .ToArray();
        Assert.Equal(["get", "list", "patch", "watch"], verbs.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_disruption_budget_covers_the_silos_and_lets_one_go_at_a_time()
    {
        YamlMappingNode budget = _manifests.OfKind("PodDisruptionBudget").Single();
        Dictionary<string, string> labels = Pairs(Deployment, "spec", "template", "metadata", "labels");
        Dictionary<string, string> selector = Pairs(budget, "spec", "selector", "matchLabels");
        Assert.NotEmpty(selector);
        Assert.All(selector, l => Assert.Equal(l.Value, labels.GetValueOrDefault(l.Key)));
        Assert.Equal("1", Text(budget, "spec", "maxUnavailable"));
    }

    /// <summary>The silo container's variables: its env list, then the keys of the Secrets and ConfigMaps of its envFrom.</summary>
    private List<(string Name, string? Value)> SiloEnvironment()
    {
        var variables = Items(Silo, "env").Select(e => (Text(e, "name")!, Text(e, "value"))).ToList();
        foreach (YamlMappingNode source in Items(Silo, "envFrom"))
        {
            (string kind, string? name) = Text(source, "secretRef", "name") is { } secret ? ("Secret", secret) : ("ConfigMap", Text(source, "configMapRef", "name"));
            YamlMappingNode document = _manifests.Named(kind, name!);
            foreach (KeyValuePair<string, string> pair in Pairs(document, "stringData").Concat(Pairs(document, "data")))
            {
                variables.Add((pair.Key, pair.Value));
            }
        }

        return variables;
    }

    private Dictionary<string, string?> Values() =>
        Items(Silo, "env").ToDictionary(e => Text(e, "name")!, e => Text(e, "value"), StringComparer.Ordinal);

    private int Port(string variable, int defaultValue) =>
        Values().GetValueOrDefault(variable) is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : defaultValue;

    private Dictionary<string, int> ContainerPorts() =>
        Items(Silo, "ports").ToDictionary(p => Text(p, "name") ?? "", p => int.Parse(Text(p, "containerPort")!, CultureInfo.InvariantCulture), StringComparer.Ordinal);

    /// <summary>A port by number, or by the name of a container port.</summary>
    private int Resolve(string port) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : ContainerPorts()[port];
}
