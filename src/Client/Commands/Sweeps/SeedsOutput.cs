using System.Text;
using ScaleSweep.Client.Reports;
using ScaleSweep.Grains.Abstractions.Grains;
using ScaleSweep.Sweeps.Reports;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>
/// `results --format seeds` and `results --out DIR --seeds`: a completed sweep's per-seed curves, fetched
/// from its sweep grain one group at a time and written as they come (at most the group being written
/// and the next one in memory, so a 100,000-run sweep streams instead of gathering every curve).
/// </summary>
internal static class SeedsOutput
{
    /// <summary>Writes seeds.csv to stdout, to DIR/seeds.csv, or both from one pass over the groups; returns the file written, if any.</summary>
    /// <param name="sweep">The completed sweep.</param>
    /// <param name="report">Its report: the model and the number of groups.</param>
    /// <param name="stdout">The standard output, when --format seeds asked for it.</param>
    /// <param name="directory">The --out folder (already written, so it exists), when --seeds asked for the file.</param>
    public static async Task<string?> WriteAsync(ISweepGrain sweep, SweepReport report, TextWriter? stdout, string? directory)
    {
        AtomicFile? file = null;
        try
        {
            file = directory is null ? null : AtomicFile.Create(directory, SeedsCsv.FileName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out: cannot write {SeedsCsv.FileName} to '{directory}': {e.Message}");
        }

        using (file)
        {
            StreamWriter? fileWriter = file is null ? null : new StreamWriter(file.Stream, new UTF8Encoding(false), leaveOpen: true);
            try
            {
                await WriteGroupsAsync(sweep, report, new[] { stdout, fileWriter }.OfType<TextWriter>().ToArray()).ConfigureAwait(false);
            }
            finally
            {
                // Flushes into the temporary file, which stays open (leaveOpen) until Commit closes and renames it.
                if (fileWriter is not null)
                {
                    await fileWriter.DisposeAsync().ConfigureAwait(false);
                }
            }

            return file?.Commit();
        }
    }

    private static async Task WriteGroupsAsync(ISweepGrain sweep, SweepReport report, TextWriter[] writers)
    {
        foreach (TextWriter writer in writers)
        {
            SeedsCsv.WriteHeader(report.Model, writer);
        }

        // The next group is asked for while this one is written.
        int groups = report.Groups.Length;
        Task<GroupSeedCurves>? next = groups > 0 ? sweep.GetSeedCurves(0) : null;
        for (int g = 0; g < groups; g++)
        {
            GroupSeedCurves curves = await next!.ConfigureAwait(false);
            next = g + 1 < groups ? sweep.GetSeedCurves(g + 1) : null;
            foreach (TextWriter writer in writers)
            {
                SeedsCsv.WriteGroup(report.Model, curves, writer);
            }
        }
    }
}
