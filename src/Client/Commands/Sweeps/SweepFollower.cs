using System.Globalization;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Coordination;
using Spectre.Console;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// Follows a sweep until it is no longer running: a live progress bar (runs done, running, failed,
/// steps per second, time left) on a terminal, otherwise a plain line as runs finish and every few
/// seconds (see <see cref="ProgressLinePacer"/>).
/// </summary>
internal static class SweepFollower
{
    private static readonly TimeSpan PollPeriod = TimeSpan.FromMilliseconds(500);

    /// <summary>How long storage may stay unreachable before the CLI stops waiting and says so.</summary>
    public static readonly TimeSpan StorageTimeout = TimeSpan.FromMinutes(10);

    /// <param name="timings">Times every status call (retries included: what the user waits for).</param>
    public static async Task<SweepStatus> FollowAsync(ISweepGrain sweep, CliEnvironment environment, string name, FollowTimings timings, CancellationToken cancellationToken)
    {
        var storage = new StorageWatch(environment, name);
        Task<SweepStatus> Poll() => timings.TimeAsync(
            () => Cluster.ClusterCalls.RetryAsync(sweep.GetStatus, line => environment.Error.WriteLine($"{name}: {line}"), cancellationToken));
        SweepStatus status = await Poll().ConfigureAwait(false);
        if (status.State != SweepState.Running)
        {
            return status;
        }

        if (!environment.ErrorIsTerminal)
        {
            var pacer = new ProgressLinePacer(TimeProvider.System);
            while (status.State == SweepState.Running)
            {
                if (pacer.ShouldWrite(status))
                {
                    environment.Error.WriteLine($"{name}: {Describe(status)}");
                }

                await Task.Delay(PollPeriod, cancellationToken).ConfigureAwait(false);
                status = await Poll().ConfigureAwait(false);
                storage.Check(status);
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
                    await Task.Delay(PollPeriod, cancellationToken).ConfigureAwait(false);
                    status = await Poll().ConfigureAwait(false);
                    storage.Check(status);
                }

                task.Description = Markup.Escape(Describe(status));
                task.Value = status.StepsDone;
                return status;
            }).ConfigureAwait(false);
    }

    /// <summary>
    /// "3/8 runs done, 2 computing, 2 queued, 0 diverged, 0 failed, theory curves 1/4 (2 solving), 1.2e5 steps/s, ~12 s left".
    /// Queued runs wait on their silo for a worker slot (the sweep keeps a short queue per slot), so
    /// "computing" never exceeds the slots.
    /// </summary>
    public static string Describe(SweepStatus status)
    {
        var runs = status.Runs;
        string text = string.Create(CultureInfo.InvariantCulture, $"{runs.Finished}/{runs.Total} runs done, {status.RunsComputing} computing");
        if (status.RunsQueued > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", {status.RunsQueued} queued");
        }

        text += string.Create(CultureInfo.InvariantCulture, $", {runs.Diverged} diverged, {runs.Failed} failed");
        if (status.TheoryTotal > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", theory curves {status.TheoryDone}/{status.TheoryTotal}");
            if (status.TheorySolving > 0 && status.State == SweepState.Running)
            {
                text += $" ({status.TheorySolving} solving{SolveTimes(status.TheorySolves)})";
            }
        }

        if (status.State == SweepState.Interrupted)
        {
            return $"{text} (interrupted: {InterruptedHint})";
        }

        if (status.State != SweepState.Running)
        {
            return $"{text} ({status.State.ToString().ToLowerInvariant()})";
        }

        if (status.Warning is not null)
        {
            text += $"; warning: {status.Warning}";
        }

        if (status.RunsComputing == 0 && runs.Finished < runs.Total)
        {
            // Nothing of this sweep computes (other sweeps' runs or theory solves hold the slots): the smoothed
            // rate decays towards zero and an estimate from it would be absurd, so say what is happening instead.
            text += ", waiting for a worker slot";
        }
        else if (status.StepsPerSecond > 0)
        {
            double left = (status.StepsTotal - status.StepsDone) / status.StepsPerSecond;
            text += string.Create(CultureInfo.InvariantCulture, $", {status.StepsPerSecond:0.##e0} steps/s, ~{FormatSeconds(left)} left");
        }

        return text;
    }

    /// <summary>
    /// ", at t = 120, 80 of 500" for the solves of a DMFT curve: where each is in SGD time, so a long solve
    /// visibly moves; "t = 80..120 of 500" when more than three solve at once; nothing before any reported.
    /// </summary>
    internal static string SolveTimes(IReadOnlyList<DmftSolveProgress>? solves)
    {
        if (solves is not { Count: > 0 })
        {
            return "";
        }

        long[] steps = solves.Select(s => s.Steps).Distinct().ToArray();
        string of = steps.Length == 1 ? string.Create(CultureInfo.InvariantCulture, $" of {steps[0]}") : "";
        string times = solves.Count <= 3 || steps.Length > 1
            ? string.Join(", ", solves.Select(s => steps.Length == 1
                ? s.Time.ToString(CultureInfo.InvariantCulture)
                : string.Create(CultureInfo.InvariantCulture, $"{s.Time}/{s.Steps}")))
            : string.Create(CultureInfo.InvariantCulture, $"{solves.Min(s => s.Time)}..{solves.Max(s => s.Time)}");
        return $", at t = {times}{of}";
    }

    /// <summary>What an interrupted sweep's line adds: why nothing computes it, and how to continue it.</summary>
    public const string InterruptedHint =
        "its embedded silo stopped and nothing computes it; `scalesweep run SPEC` with the same spec resumes it from its checkpoints, as does `scalesweep resume ID`";

    /// <summary>After a table of sweeps: one line on stderr per interrupted sweep, as the table has no room for it.</summary>
    public static void WriteInterruptedNotes(CliEnvironment environment, string name, IEnumerable<SweepStatus> statuses)
    {
        foreach (SweepStatus status in statuses.Where(s => s.State == SweepState.Interrupted))
        {
            environment.Error.WriteLine($"{name}: {status.Id} is interrupted: {InterruptedHint}.");
        }
    }

    private static string FormatSeconds(double seconds) => seconds switch
    {
        < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} s"),
        < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0.#} min"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} h"),
    };

    /// <summary>
    /// Says once when storage becomes unreachable and when it is back, and gives up with
    /// <see cref="Cluster.ClusterUnavailableException"/> if it stays away for <see cref="StorageTimeout"/>.
    /// </summary>
    private sealed class StorageWatch(CliEnvironment environment, string name)
    {
        private DateTime? _since;

        public void Check(SweepStatus status)
        {
            if (status.Warning is null)
            {
                if (_since is not null)
                {
                    environment.Error.WriteLine($"{name}: storage is reachable again.");
                    _since = null;
                }

                return;
            }

            if (_since is null)
            {
                _since = DateTime.UtcNow;
                environment.Error.WriteLine($"{name}: warning: {status.Warning}");
            }
            else if (DateTime.UtcNow - _since > StorageTimeout)
            {
                throw new Cluster.ClusterUnavailableException(
                    $"storage has been unreachable for {StorageTimeout.TotalMinutes:0} minutes ({status.Warning}). Nothing stored was changed; "
                    + $"when storage is back, `scalesweep resume {status.Id}` (or the same `run`) continues the sweep from its checkpoints.");
            }
        }
    }
}
