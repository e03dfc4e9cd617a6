using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Sweeps.Grid;

/// <summary>
/// The one walk over a spec's grid of (alpha, beta, gamma, N, P, B, eta, seed), in that order with the seed
/// fastest: its runs, its groups (a grid point with all its seeds) and its compute-optimal frontiers (a
/// grid point without its width, over every width). The coordinator, the report and the DMFT curve plan
/// all see the grid through this type, so they agree on the order and on which run belongs where.
/// A spec without "P" has the one entry "online" there, so its grid is the one it had before P existed.
/// </summary>
/// <remarks>
/// The spec's lists hold distinct values (a rule of the validator), so group g holds exactly the runs
/// g S .. g S + S - 1 for S seeds, and no run is in two groups.
/// </remarks>
public sealed class SweepGrid
{
    private readonly Lazy<IReadOnlyList<SimulationConfig>> _runs;

    public SweepGrid(SweepSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Spec = spec;
        (Groups, Frontiers, DataScaling) = Walk(spec);

        // Only on demand: the validator asks for groups before it knows the run count is within its cap.
        _runs = new Lazy<IReadOnlyList<SimulationConfig>>(() => Expand(spec, Groups));
    }

    public SweepSpec Spec { get; }

    /// <summary>Seeds per group: the runs of group g are <see cref="Runs"/>[g S .. g S + S - 1].</summary>
    public int SeedsPerGroup => Spec.Seeds.Length;

    /// <summary>Every run, group after group, each group's seeds in the spec's order.</summary>
    public IReadOnlyList<SimulationConfig> Runs => _runs.Value;

    /// <summary>Every grid point without its seed, in grid order.</summary>
    public IReadOnlyList<GroupConfig> Groups { get; }

    /// <summary>
    /// One frontier per (alpha, beta, gamma, P, B, eta), in grid order, each over the spec's widths; none when
    /// the spec has fewer than two widths (a frontier trades width against time).
    /// </summary>
    public IReadOnlyList<GridFrontier> Frontiers { get; }

    /// <summary>
    /// One data-scaling line per (alpha, beta, gamma, N, B, eta), in grid order, each over the spec's finite
    /// training-set sizes; none when the spec has fewer than two finite P (a line needs two sizes to fit).
    /// </summary>
    public IReadOnlyList<GridDataScaling> DataScaling { get; }

    /// <summary>The index in <see cref="Groups"/> of run <paramref name="run"/>'s group.</summary>
    public int GroupOfRun(int run) => run / SeedsPerGroup;

    /// <summary>The group a run belongs to: its configuration without the seed.</summary>
    public static GroupConfig GroupOf(SimulationConfig run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new GroupConfig(run.Alpha, run.Beta, run.Gamma, run.N, run.Batch, run.Eta, run.M, run.Steps, run.P, run.Mlp?.Q, run.Mlp?.QPhi, run.Mlp?.Depth);
    }

    /// <summary>
    /// Group <paramref name="group"/> of <paramref name="spec"/>'s grid, found without walking the grid (a
    /// group grain of a sweep of 100,000 groups must not walk all of them): the group index is a number
    /// in mixed radix |alpha| |beta| |gamma| |N| |P| |B| |eta|, eta the fastest digit.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">No such group.</exception>
    public static GroupConfig GroupAt(SweepSpec spec, int group)
    {
        ArgumentNullException.ThrowIfNull(spec);
        long?[] samples = spec.PGrid;
        long count = (long)spec.TaskRows * spec.TaskColumns * spec.Gamma.Length * spec.N.Length * samples.Length * spec.B.Length * spec.Eta.Length;
        ArgumentOutOfRangeException.ThrowIfNegative(group);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(group, count);
        int rest = group;
        int eta = rest % spec.Eta.Length;
        rest /= spec.Eta.Length;
        int b = rest % spec.B.Length;
        rest /= spec.B.Length;
        int p = rest % samples.Length;
        rest /= samples.Length;
        int n = rest % spec.N.Length;
        rest /= spec.N.Length;
        int gamma = rest % spec.Gamma.Length;
        rest /= spec.Gamma.Length;
        int column = rest % spec.TaskColumns;
        int row = rest / spec.TaskColumns;
        return Group(spec, spec.TaskAt(row, column), spec.Gamma[gamma], spec.N[n], samples[p], spec.B[b], spec.Eta[eta]);
    }

    /// <summary>The runs of group <paramref name="group"/>, its seeds in the spec's order: <see cref="Runs"/>[g S .. g S + S - 1], without expanding the rest.</summary>
    public static SimulationConfig[] RunsOf(SweepSpec spec, int group)
    {
        GroupConfig g = GroupAt(spec, group);
        var runs = new SimulationConfig[spec.Seeds.Length];
        for (int i = 0; i < runs.Length; i++)
        {
            runs[i] = RunOf(spec, g, spec.Seeds[i]);
        }

        return runs;
    }

    private static SimulationConfig RunOf(SweepSpec spec, GroupConfig g, ulong seed) => g.Mlp is { } mlp
        ? SimulationConfig.ForMlpCircle(mlp, g.Gamma, g.N, g.B ?? 0, g.Eta, spec.Steps, seed, spec.PointsPerDecade)
        : new(spec.Model, g.Alpha, g.Beta, g.M, g.Gamma, g.N, g.B, g.Eta, spec.Steps, seed, spec.PointsPerDecade)
        {
            P = g.P,
            CustomSpectrum = spec.Spectrum?.ToSpectrum(),
        };

    private static GroupConfig Group(SweepSpec spec, GridTask task, double gamma, int n, long? p, long? b, double eta) =>
        new(task.Alpha, task.Beta, gamma, n, SweepSpec.EffectiveBatch(b, p), eta, task.M, spec.Steps, p, task.Mlp?.Q, task.Mlp?.QPhi, task.Mlp?.Depth);

    private static (GroupConfig[] Groups, GridFrontier[] Frontiers, GridDataScaling[] DataScaling) Walk(SweepSpec spec)
    {
        var groups = new List<GroupConfig>();
        var frontiers = new List<GridFrontier>();
        var dataScaling = new List<GridDataScaling>();
        bool hasFrontiers = spec.N.Length >= 2;
        long?[] samples = spec.PGrid;
        for (int row = 0; row < spec.TaskRows; row++)
        for (int column = 0; column < spec.TaskColumns; column++)
        foreach (double gamma in spec.Gamma)
        {
            GridTask task = spec.TaskAt(row, column);
            double alpha = task.Alpha, beta = task.Beta;
            // Widths sit between gamma and P in the grid, so a frontier's groups are strided by |P| |B| |eta|.
            int first = groups.Count;
            foreach (int n in spec.N)
            foreach (long? p in samples)
            foreach (long? b in spec.B)
            foreach (double eta in spec.Eta)
            {
                groups.Add(Group(spec, task, gamma, n, p, b, eta));
            }

            AddDataScaling(spec, alpha, beta, gamma, first, dataScaling);
            if (!hasFrontiers)
            {
                continue;
            }

            int stride = samples.Length * spec.B.Length * spec.Eta.Length;
            for (int q = 0; q < samples.Length; q++)
            for (int j = 0; j < spec.B.Length; j++)
            for (int k = 0; k < spec.Eta.Length; k++)
            {
                var widths = new GridWidth[spec.N.Length];
                for (int i = 0; i < widths.Length; i++)
                {
                    widths[i] = new GridWidth(spec.N[i], first + i * stride + (q * spec.B.Length + j) * spec.Eta.Length + k);
                }

                long? batch = SweepSpec.EffectiveBatch(spec.B[j], samples[q]);
                frontiers.Add(new GridFrontier(new FrontierConfig(alpha, beta, gamma, batch, spec.Eta[k], samples[q]), widths));
            }
        }

        return (groups.ToArray(), frontiers.ToArray(), dataScaling.ToArray());
    }

    /// <summary>The data-scaling lines of one (alpha, beta, gamma), whose groups start at <paramref name="first"/>.</summary>
    private static void AddDataScaling(SweepSpec spec, double alpha, double beta, double gamma, int first, List<GridDataScaling> lines)
    {
        long?[] samples = spec.PGrid;
        int finite = 0;
        foreach (long? p in samples)
        {
            finite += p is null ? 0 : 1;
        }

        if (finite < 2)
        {
            return;
        }

        for (int i = 0; i < spec.N.Length; i++)
        for (int j = 0; j < spec.B.Length; j++)
        for (int k = 0; k < spec.Eta.Length; k++)
        {
            var sizes = new List<GridSamples>(finite);
            for (int q = 0; q < samples.Length; q++)
            {
                if (samples[q] is { } p)
                {
                    sizes.Add(new GridSamples(p, first + ((i * samples.Length + q) * spec.B.Length + j) * spec.Eta.Length + k));
                }
            }

            lines.Add(new GridDataScaling(new DataScalingConfig(alpha, beta, gamma, spec.N[i], spec.B[j], spec.Eta[k]), sizes));
        }
    }

    private static SimulationConfig[] Expand(SweepSpec spec, IReadOnlyList<GroupConfig> groups)
    {
        var runs = new SimulationConfig[checked(groups.Count * spec.Seeds.Length)];
        int i = 0;
        foreach (GroupConfig g in groups)
        {
            foreach (ulong seed in spec.Seeds)
            {
                runs[i++] = RunOf(spec, g, seed);
            }
        }

        return runs;
    }
}
