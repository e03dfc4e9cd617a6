using Microsoft.Extensions.Logging;

namespace ScaleSweep.Grains.Sweeps;

/// <summary>
/// The reminder of a running sweep: stored beside the grain state, it activates the sweep again when a
/// restarted cluster has forgotten it, so a sweep whose silos all died resumes by itself.
/// </summary>
internal static class ResumeReminder
{
    private const string Name = "resume";

    // Orleans' shortest reminder period; a restarted cluster picks the sweep up within it.
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    /// <summary>Registers the reminder of <paramref name="grain"/> (again: registering is idempotent).</summary>
    public static Task Register(IGrainBase grain) => grain.RegisterOrUpdateReminder(Name, Period, Period);

    /// <summary>Removes the reminder of a finished sweep; a failure is only logged (the reminder finds the sweep finished and tries again).</summary>
    public static async Task Remove(IGrainBase grain, ILogger logger, string sweepId)
    {
        try
        {
            if (await grain.GetReminder(Name) is { } reminder)
            {
                await grain.UnregisterReminder(reminder);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Sweep {Id}: could not remove its resume reminder", sweepId);
        }
    }
}
