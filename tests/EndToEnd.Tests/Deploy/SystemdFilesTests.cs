using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Sweeps;
using ScaleSweep.Grains.Workers;
using ScaleSweep.Silo;
using ScaleSweep.Silo.Membership;
using ScaleSweep.Silo.Telemetry;

namespace ScaleSweep.EndToEnd.Tests.Deploy;

/// <summary>
/// deploy/systemd: the environment template names only settings the silo reads (commented lines too:
/// an operator uncomments them as they are) and every one a machine may need; the unit runs the one
/// launcher with that file and gives the silo time to shut down.
/// </summary>
public sealed partial class SystemdFilesTests
{
    /// <summary>Settings the template leaves out on purpose, with why.</summary>
    private static readonly Dictionary<string, string> NotInTemplate = new(StringComparer.Ordinal)
    {
        ["ScaleSweep__Silo__PrimarySiloPort"] = "Localhost clustering only (one machine)",
        ["ScaleSweep__Silo__Hosting"] = "Process, the default; Kubernetes is deploy/kubernetes",
        ["ScaleSweep__Dispatch__ReadOnly"] = "the CLI's reading embedded silo",
    };

    private static string Folder => Path.Combine(Repository.Root, "deploy", "systemd");

    [Fact]
    public void Every_setting_of_the_environment_template_commented_or_not_names_a_settable_option_with_a_value_of_its_type()
    {
        List<(int Line, string Name, string Value)> settings = TemplateSettings();
        Assert.NotEmpty(settings);
        string[] problems = settings.Select(s => SettingNames.Problem(s.Name, s.Value) is { } problem ? $"line {s.Line}: {problem}" : null).OfType<string>().ToArray();
        Assert.True(problems.Length == 0, string.Join('\n', problems));
    }

    [Fact]
    public void The_template_names_every_setting_of_the_silo_storage_workers_dispatch_and_telemetry()
    {
        var named = TemplateSettings().Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var expected = new List<string>();
        foreach ((string section, Type type) in new[]
        {
            (SiloOptions.Section, typeof(SiloOptions)), (StorageOptions.Section, typeof(StorageOptions)),
            (WorkerPoolOptions.Section, typeof(WorkerPoolOptions)), (DispatchOptions.Section, typeof(DispatchOptions)),
            (TelemetryOptions.Section, typeof(TelemetryOptions)),
        })
        {
            expected.AddRange(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.SetMethod is { IsPublic: true })
                .Select(p => section.Replace(":", "__", StringComparison.Ordinal) + "__" + p.Name));
        }

        string[] missing = expected.Where(n => !named.Contains(n) && !NotInTemplate.ContainsKey(n)).ToArray();
        Assert.True(missing.Length == 0, "not in scalesweep-silo.env: " + string.Join(", ", missing));
    }

    [Fact]
    public void The_unit_runs_the_launcher_with_the_environment_file_as_an_unprivileged_user_and_outlives_the_silos_shutdown()
    {
        Dictionary<string, string> unit = UnitSettings();
        Assert.Equal("/etc/scalesweep/silo.env", unit["EnvironmentFile"]);
        Assert.EndsWith("/launch.sh", unit["ExecStart"], StringComparison.Ordinal);
        Assert.Equal("scalesweep", unit["User"]);
        Assert.Equal("SIGTERM", unit["KillSignal"]);
        Assert.Equal("on-failure", unit["Restart"]);
        Assert.Equal("true", unit["NoNewPrivileges"]);

        // The silo's host shuts down within 60 s (src/Silo/Program.cs).
        Assert.True(int.Parse(unit["TimeoutStopSec"], CultureInfo.InvariantCulture) > 60);

        // A refused silo is not restarted in a loop: the refusal does not go away by itself.
        Assert.Contains(ClusterIdentityGate.ExitCode.ToString(CultureInfo.InvariantCulture), unit["RestartPreventExitStatus"].Split(' '));
    }

    private static List<(int Line, string Name, string Value)> TemplateSettings()
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, "scalesweep-silo.env"));
        var settings = new List<(int, string, string)>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (SettingLine().Match(lines[i]) is { Success: true } match && SettingNames.IsScaleSweep(match.Groups["name"].Value))
            {
                settings.Add((i + 1, match.Groups["name"].Value, match.Groups["value"].Value.Trim('\'', '"')));
            }
        }

        return settings;
    }

    private static Dictionary<string, string> UnitSettings() =>
        File.ReadAllLines(Path.Combine(Folder, "scalesweep-silo.service"))
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && l[0] is not ('#' or ';' or '[') && l.Contains('=', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last()[1], StringComparer.Ordinal);

    /// <summary>KEY=VALUE, or #KEY=VALUE (a setting shown with its default).</summary>
    [GeneratedRegex(@"^#?(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>.*)$")]
    private static partial Regex SettingLine();
}
