using System.CommandLine;
using System.Text.Json;
using ScaleSweep.Client.Cluster;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>`scalesweep status [ID] [--watch] [--json]`: one sweep's progress, or every sweep's.</summary>
internal static class StatusCommand
{
    public static Command Create(CliEnvironment environment)
    {
        var id = new Argument<string?>("ID") { Description = "Sweep id; without it, every sweep.", Arity = ArgumentArity.ZeroOrOne }.Refusing();
        var watch = new Option<bool>("--watch") { Description = "Follow the sweep with a live display until it is no longer running." };
        var json = new Option<bool>("--json") { Description = "Print JSON: {\"id\", \"state\", \"runs\": {counts by status}, ...} (an array without ID)." };
        var cluster = new ClusterCommandOptions();
        var command = new Command("status", "Show a sweep's progress (or every sweep's).") { id, watch, json };
        cluster.AddTo(command);
        command.SetClusterAction(environment, cluster, async (parse, session, cancellationToken) =>
        {
            string? sweepId = parse.GetValue(id);
            if (sweepId is null)
            {
                SweepSummary[] all = await session.Grains.GetGrain<ISweepIndexGrain>(0).List().ConfigureAwait(false);
                SweepStatus[] statuses = await Task.WhenAll(all.Select(s => session.Grains.GetGrain<ISweepGrain>(s.Id).GetStatus())).ConfigureAwait(false);
                if (parse.GetValue(json))
                {
                    using var buffer = new MemoryStream();
                    using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
                    {
                        writer.WriteStartArray();
                        foreach (SweepStatus s in statuses)
                        {
                            StatusJson.Write(writer, s);
                        }

                        writer.WriteEndArray();
                    }

                    environment.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                }
                else
                {
                    SweepTable.Write(ConsoleFactory.ForOut(environment), statuses);
                    SweepFollower.WriteInterruptedNotes(environment, "scalesweep status", statuses);
                }

                return ExitCodes.Success;
            }

            (ISweepGrain sweep, SweepStatus status) = await KnownSweep.GetAsync(session, sweepId).ConfigureAwait(false);

            if (parse.GetValue(watch))
            {
                status = await SweepFollower.FollowAsync(sweep, environment, "scalesweep status", new FollowTimings(), cancellationToken).ConfigureAwait(false);
            }

            environment.Out.WriteLine(parse.GetValue(json) ? StatusJson.ToJson(status) : $"{status.Id}: {SweepFollower.Describe(status)}");
            return ExitCodes.Success;
        }, readOnly: true);
        return command;
    }
}
