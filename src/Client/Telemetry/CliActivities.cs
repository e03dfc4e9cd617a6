using System.CommandLine;
using System.Diagnostics;

namespace ScaleSweep.Client.Telemetry;

/// <summary>
/// The CLI's own spans: one per command, the root of the trace that Orleans' activity propagation
/// carries into the silos (sweep.submit, run.execute ...), so a trace shows the whole command.
/// </summary>
public static class CliActivities
{
    /// <summary>Name of the CLI's activity source.</summary>
    public const string SourceName = "ScaleSweep.Cli";

    /// <summary>The source; it costs nothing unless a listener (the OTLP tracer, a test) subscribes.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>Starts the span of the command <paramref name="parseResult"/> names, e.g. "scalesweep run"; null when nobody listens.</summary>
    public static Activity? StartCommand(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        Activity? activity = Source.StartActivity(UsageErrors.CommandPath(parseResult.CommandResult), ActivityKind.Client);
        activity?.SetTag("scalesweep.command", parseResult.CommandResult.Command.Name);
        return activity;
    }

    /// <summary>Records how the command ended: its exit code, and an error status unless it succeeded.</summary>
    public static void End(Activity? activity, int exitCode)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag("process.exit.code", exitCode);
        if (exitCode != ExitCodes.Success)
        {
            activity.SetStatus(ActivityStatusCode.Error, $"exit code {exitCode}");
        }
    }
}
