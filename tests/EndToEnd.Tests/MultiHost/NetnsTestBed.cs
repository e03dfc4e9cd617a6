using System.Diagnostics;
using System.Text;
using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests.MultiHost;

/// <summary>
/// deploy/netns/hosts.sh from a test: hosts up and down, faults (kill, partition, heal), the CLI run on
/// the client host, and the silos' logs. Disposing takes everything down, also after a failed test.
/// </summary>
public sealed class NetnsTestBed : IDisposable
{
    private static readonly string Script = Path.Combine(Repository.Root, "deploy", "netns", "hosts.sh");
    private readonly ITestOutputHelper _output;

    private NetnsTestBed(ITestOutputHelper output, int hosts)
    {
        _output = output;
        Hosts = hosts;
    }

    public int Hosts { get; }

    /// <summary>"10.77.0.11:30000,10.77.0.12:30000,..." in host order.</summary>
    public string Gateways { get; private set; } = "";

    public static string Address(int host) => $"10.77.0.{10 + host}";

    public static string LogPath(int host) => Path.Combine(Repository.Root, "deploy", "netns", "run", $"host{host}.log");

    /// <summary>Brings up <paramref name="hosts"/> silo hosts with <paramref name="workers"/> worker slots each and the extra settings (NAME=VALUE).</summary>
    public static async Task<NetnsTestBed> UpAsync(ITestOutputHelper output, int hosts, int workers, params string[] settings)
    {
        var bed = new NetnsTestBed(output, hosts);
        await RunScriptAsync(output, TimeSpan.FromSeconds(30), "down");
        var clock = Stopwatch.StartNew();
        string[] up = ["up", hosts.ToString(System.Globalization.CultureInfo.InvariantCulture), "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture),
            .. settings.SelectMany(s => new[] { "--env", s })];
        await RunScriptAsync(output, TimeSpan.FromSeconds(180), up);
        output.WriteLine($"test bed: {hosts} hosts up in {clock.Elapsed.TotalSeconds:F1} s");
        bed.Gateways = (await RunScriptAsync(output, TimeSpan.FromSeconds(10), "gateways")).Trim();
        return bed;
    }

    public Task KillAsync(int host) => RunScriptAsync(_output, TimeSpan.FromSeconds(10), "kill", $"host{host}");

    public Task PartitionAsync(int host) => RunScriptAsync(_output, TimeSpan.FromSeconds(10), "partition", $"host{host}");

    public Task HealAsync(int host) => RunScriptAsync(_output, TimeSpan.FromSeconds(10), "heal", $"host{host}");

    /// <summary>True while the silo of <paramref name="host"/> runs.</summary>
    public async Task<bool> SiloAliveAsync(int host)
    {
        string status = await RunScriptAsync(_output, TimeSpan.FromSeconds(10), "status");
        string? line = status.Split('\n').FirstOrDefault(l => l.StartsWith($"host{host} {Address(host)}:", StringComparison.Ordinal));
        return line is not null && line.Contains("silo alive", StringComparison.Ordinal);
    }

    /// <summary>Runs a command on a host (storage, client, host&lt;i&gt;); its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> ExecAsync(string host, params string[] command)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (string argument in new[] { Script, "exec", host }.Concat(command))
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output.Trim());
    }

    public HostLog Log(int host) => HostLog.Read($"host{host}", LogPath(host));

    /// <summary>Starts `scalesweep ARGS` on the client host; the caller awaits <see cref="ClientRun.Exited"/>.</summary>
    public ClientRun StartCli(IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (string argument in new[] { Script, "exec", "client", "env" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach ((string name, string value) in environment)
        {
            start.ArgumentList.Add($"{name}={value}");
        }

        start.ArgumentList.Add(Cli.DotnetHost);
        start.ArgumentList.Add(BuiltPrograms.ClientDll);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("SCALESWEEP_GATEWAY");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return ClientRun.Start(start, "scalesweep " + string.Join(' ', arguments));
    }

    public void Dispose()
    {
        try
        {
            RunScriptAsync(_output, TimeSpan.FromSeconds(300), "down").GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _output.WriteLine($"test bed: down failed: {e.Message}");
        }
    }

    private static async Task<string> RunScriptAsync(ITestOutputHelper output, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        start.ArgumentList.Add(Script);
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"hosts.sh {string.Join(' ', arguments)} took over {timeout.TotalSeconds:0} s");
        }

        string error = await stderr;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"hosts.sh {string.Join(' ', arguments)} exited {process.ExitCode}: {error}{await stdout}");
        }

        return await stdout;
    }
}
