using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>
/// A progress bar on the error stream while work runs, shown only when that stream is a terminal
/// and the command is not writing JSON; otherwise the work runs silently.
/// </summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(
        CliEnvironment environment, bool show, string description, long total, Func<Action<long>, Task<T>> work)
    {
        long done = 0;
        void Report(long steps) => Interlocked.Add(ref done, steps);
        if (!show)
        {
            return await work(Report).ConfigureAwait(false);
        }

        IAnsiConsole console = ConsoleFactory.For(environment.Error, isTerminal: true);
        return await console.Progress()
            .AutoClear(true)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new ElapsedTimeColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn())
            .StartAsync(async context =>
            {
                ProgressTask task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(1, total));
                Task<T> running = Task.Run(() => work(Report));
                while (!running.IsCompleted)
                {
                    task.Value = Interlocked.Read(ref done);
                    await Task.WhenAny(running, Task.Delay(100)).ConfigureAwait(false);
                }

                task.Value = task.MaxValue;
                return await running.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }
}
