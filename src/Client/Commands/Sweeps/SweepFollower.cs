using System.Globalization;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Grains.Abstractions.Sweeps;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// Follows a sweep until it is no longer running: a live progress bar (runs done, running, failed,
/// steps per second, time left) on a terminal, a progress line every few seconds otherwise.
/// </summary>
internal static class SweepFollower
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LinePeriod = TimeSpan.FromSeconds(10);

    public static async Task<SweepStatus> FollowAsync(ISweepGrain sweep, CliEnvironment environment, string name, CancellationToken cancellationToken)
    {
        SweepStatus status = await sweep.GetStatus().ConfigureAwait(false);
        if (status.State != SweepState.Running)
        {
            return status;
        }

        if (!environment.ErrorIsTerminal)
        {
            DateTime nextLine = DateTime.UtcNow;
            while (status.State == SweepState.Running)
            {
                if (DateTime.UtcNow >= nextLine)
                {
                    environment.Error.WriteLine($"{name}: {Describe(status)}");
                    nextLine = DateTime.UtcNow + LinePeriod;
                }

                await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                status = await sweep.GetStatus().ConfigureAwait(false);
            }

            environment.Error.WriteLine($"{name}: {Describe(status)}");
            return status;
        }

        IAnsiConsole console = ConsoleFactory.For(environment.Error, isTerminal: true);
        return await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(Describe(status)), maxValue: Math.Max(1, status.StepsTotal));
                while (status.State == SweepState.Running)
                {
                    task.Description = Markup.Escape(Describe(status));
                    task.Value = status.StepsDone;
                    await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
                    status = await sweep.GetStatus().ConfigureAwait(false);
                }

                task.Description = Markup.Escape(Describe(status));
                task.Value = status.StepsDone;
                return status;
            }).ConfigureAwait(false);
    }

    /// <summary>"3/8 runs done, 2 running, 0 failed, 1.2e5 steps/s, ~12 s left".</summary>
    public static string Describe(SweepStatus status)
    {
        var runs = status.Runs;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"{runs.Finished}/{runs.Total} runs done, {runs.Running} running, {runs.Diverged} diverged, {runs.Failed} failed");
        if (status.State != SweepState.Running)
        {
            return $"{text} ({status.State.ToString().ToLowerInvariant()})";
        }

        if (status.StepsPerSecond > 0)
        {
            double left = (status.StepsTotal - status.StepsDone) / status.StepsPerSecond;
            text += string.Create(CultureInfo.InvariantCulture, $", {status.StepsPerSecond:0.##e0} steps/s, ~{FormatSeconds(left)} left");
        }

        return text;
    }

    private static string FormatSeconds(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };
}
