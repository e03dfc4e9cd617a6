using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using ScaleSweep.Client.Commands.Sweeps;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Silos;

/// <summary>
/// `scalesweep silos [--json]`: the cluster's silos as its membership table has them (live ones and those
/// declared dead, which Orleans keeps for a while), with each live one's worker slots and busy jobs: what
/// an operator of many machines checks after bringing them up, and after losing one.
/// </summary>
internal static class SilosCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var json = new Option<bool>("--json") { Description = "Print JSON: [{\"address\", \"host\", \"status\", \"started\", \"lastAlive\", \"slots\", \"busy\"}]." };
        var cluster = new Cluster.ClusterCommandOptions();
        var command = new Command("silos", "List the cluster's silos: address, host, status, start time, last sign of life, worker slots and busy jobs.") { json };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            MembershipEntry[] members = await session.Grains.GetGrain<IManagementGrain>(0).GetDetailedHosts(onlyActive: false).ConfigureAwait(false);
            WorkerLoad[] loads = await session.Grains.GetGrain<IWorkerBoardGrain>(0).Read().ConfigureAwait(false);
            IReadOnlyList<SiloRow> rows = SiloRow.From(members, loads);
            if (parse.GetValue(json))
            {
                environment.Out.WriteLine(Json(rows));
            }
            else
            {
                Write(ConsoleFactory.ForOut(environment), rows, DateTime.UtcNow);
            }

            return ExitCodes.Success;
        }, readOnly: true);
        return command;
    }

    /// <summary>
    /// The table, laid out for the console's width: "up" is the time since the silo started and "alive"
    /// the age of its last I-am-alive, both at <paramref name="now"/> (the JSON has the times); a host or
    /// status column that is the same in every row moves to a line above.
    /// </summary>
    internal static void Write(IAnsiConsole console, IReadOnlyList<SiloRow> rows, DateTime now)
    {
        TextWriter writer = console.Profile.Out.Writer;
        var table = new TextTable()
            .AddColumn("silo", right: false)
            .AddColumn("host", right: false, shared: true)
            .AddColumn("status", right: false, shared: true)
            .AddColumn("up")
            .AddColumn("alive")
            .AddColumn("busy/slots");
        foreach (SiloRow row in rows)
        {
            string pool = row.Slots is { } slots ? string.Create(CultureInfo.InvariantCulture, $"{row.Busy ?? 0}/{slots}") : "-";
            table.AddRow(row.Address, row.Host, row.Status, Span(row.Started, now), Ago(row.LastAlive, now), pool);
        }

        IReadOnlyList<string> shared = rows.Count > 1 ? table.TakeShared() : [];
        if (shared.Count > 0)
        {
            writer.WriteLine("every silo: " + string.Join(", ", shared));
        }

        table.Write(writer, console.Profile.Width);
        int live = rows.Count(r => r.Status is "active");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{live} active of {rows.Count}; {rows.Where(r => r.Status is "active").Sum(r => r.Slots ?? 0)} worker slots, {rows.Sum(r => r.Busy ?? 0)} busy"));
    }

    internal static string Json(IReadOnlyList<SiloRow> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            foreach (SiloRow row in rows)
            {
                writer.WriteStartObject();
                writer.WriteString("address", row.Address);
                writer.WriteString("host", row.Host);
                writer.WriteString("status", row.Status);
                writer.WriteString("started", DateTime.SpecifyKind(row.Started, DateTimeKind.Utc));
                writer.WriteString("lastAlive", DateTime.SpecifyKind(row.LastAlive, DateTimeKind.Utc));
                WriteCount(writer, "slots", row.Slots);
                WriteCount(writer, "busy", row.Busy);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } count)
        {
            writer.WriteNumber(name, count);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>"4 s ago"; "-" when never written.</summary>
    internal static string Ago(DateTime time, DateTime now) => time == default ? "-" : Span(time, now) + " ago";

    /// <summary>"4 s", "3 min", "2 h", "5 d" from <paramref name="time"/> to <paramref name="now"/>; "-" for no time.</summary>
    internal static string Span(DateTime time, DateTime now)
    {
        if (time == default)
        {
            return "-";
        }

        double seconds = Math.Max(0, (now - time).TotalSeconds);
        return seconds switch
        {
            < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
            < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} min"),
            < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0} h"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0} d"),
        };
    }
}
