using System.Diagnostics;
using System.Globalization;
using ScaleSweep.EndToEnd.Tests.Infrastructure;
using ScaleSweep.EndToEnd.Tests.MultiHost;
using ScaleSweep.Testing;
using Xunit.Abstractions;

namespace ScaleSweep.EndToEnd.Tests.Embedded;

/// <summary>
/// Two embedded `scalesweep run`s at once share the Azurite the first one started; the first to end leaves it
/// to the other, and the last one out stops it. In a network namespace of the test's own, so its loopback has
/// no Azurite but the one the first run starts, and nothing else on the machine shares it.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class SharedAzuriteTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    [NetnsFact]
    public async Task The_run_that_started_azurite_ends_first_and_the_other_completes_on_it()
    {
        string ns = "ssw-az-" + Guid.NewGuid().ToString("N")[..6];
        using var work = new TempDirectory("shared-azurite");
        string data = work.Combine("data");
        string temp = work.Combine("tmp");
        Directory.CreateDirectory(temp);
        await Ip("netns", "add", ns);
        try
        {
            await Ip("netns", "exec", ns, "ip", "link", "set", "lo", "up");

            // Runs of about a second each: the first (8 runs) still computes while the second starts; the second (24) outlasts it.
            // Other eta, so the second shares no run with the first.
            string first = Spec(work, "shared-first", seeds: 4, eta: 0.05);
            string second = Spec(work, "shared-second", seeds: 12, eta: 0.04);
            using Process a = StartCli(ns, temp, data, first, out StringWriterSink aErr);
            var waited = Stopwatch.StartNew();
            while (!aErr.Text.Contains("starting the embedded silo", StringComparison.Ordinal) && !a.HasExited && waited.Elapsed < Timeout)
            {
                await Task.Delay(100);
            }

            using Process b = StartCli(ns, temp, data, second, out StringWriterSink bErr);

            await a.WaitForExitAsync().WaitAsync(Timeout);
            Assert.True(a.ExitCode == 0, "the first run failed:\n" + aErr.Text);
            Assert.Contains("starting Azurite", aErr.Text);
            Assert.False(b.HasExited, "the second run ended before the first: the test's timing does not hold\n" + bErr.Text);

            await b.WaitForExitAsync().WaitAsync(Timeout);
            output.WriteLine(bErr.Text);
            Assert.True(b.ExitCode == 0, "the second run failed after the first ended:\n" + bErr.Text);
            Assert.DoesNotContain("starting Azurite", bErr.Text);
            Assert.Contains("24 runs finished in", bErr.Text);

            // The last one out stopped it.
            (int open, _) = await Run("ip", "netns", "exec", ns, "bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/10000");
            Assert.NotEqual(0, open);
        }
        finally
        {
            // Whatever is left in the namespace (an Azurite after a failure) goes with it.
            foreach (string pidFile in Directory.Exists(data) ? Directory.GetFiles(data, "azurite-*.pid") : [])
            {
                await Run("bash", "-c", $"kill -KILL -- -$(cat '{pidFile}') 2>/dev/null || true");
            }

            await Run("ip", "netns", "delete", ns);
        }
    }

    private static string Spec(TempDirectory work, string name, int seeds, double eta)
    {
        string path = work.Combine(name + ".json");
        File.WriteAllText(path, $$"""
            {"name": "{{name}}", "model": "projected", "alpha": [2], "beta": [0.4], "gamma": [0, 1], "N": [128],
             "B": [32], "eta": {{eta.ToString(CultureInfo.InvariantCulture)}}, "M": 2000, "steps": 100000, "seeds": {{seeds.ToString(CultureInfo.InvariantCulture)}}}
            """);
        return path;
    }

    private static Process StartCli(string ns, string temp, string data, string spec, out StringWriterSink stderr)
    {
        var start = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Repository.Root };
        foreach (string argument in new[] { "netns", "exec", ns, "env", "TMPDIR=" + temp, Cli.DotnetHost, BuiltPrograms.ClientDll, "run", spec, "--data", data, "--workers", "2",
            "--out", Path.Combine(temp, Path.GetFileNameWithoutExtension(spec)) })
        {
            start.ArgumentList.Add(argument);
        }

        Process process = Process.Start(start)!;
        var sink = new StringWriterSink();
        process.ErrorDataReceived += (_, e) => sink.Add(e.Data);
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        stderr = sink;
        return process;
    }

    private static async Task Ip(params string[] arguments)
    {
        (int code, string text) = await Run("ip", arguments);
        Assert.True(code == 0, $"ip {string.Join(' ', arguments)}: {text}");
    }

    private static async Task<(int ExitCode, string Output)> Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using Process process = Process.Start(start)!;
        string text = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, text.Trim());
    }

    /// <summary>A process's stderr lines as they come, readable while it runs.</summary>
    private sealed class StringWriterSink
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string? line)
        {
            if (line is not null)
            {
                lock (_text)
                {
                    _text.AppendLine(line);
                }
            }
        }
    }
}
