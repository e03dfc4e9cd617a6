using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Grid;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// A validated sweep: the grid of (alpha, beta, gamma, N, P, B, eta, seed) and the settings shared by
/// every run. Built only by <see cref="SweepSpecParser"/>, which checks every field first.
/// </summary>
/// <param name="Name">Label of the sweep; names the results folder.</param>
/// <param name="Model">Which model every run simulates.</param>
/// <param name="Alpha">Capacity exponents alpha &gt; 1.</param>
/// <param name="Beta">Source exponents beta &gt; 0.</param>
/// <param name="Gamma">Richness values gamma &gt;= 0 (gamma_0 &gt; 0 for the linear network).</param>
/// <param name="N">Widths.</param>
/// <param name="B">Batch sizes; null is the infinite batch.</param>
/// <param name="Eta">Learning rates.</param>
/// <param name="M">Number of task modes.</param>
/// <param name="Steps">SGD steps T of every run.</param>
/// <param name="Seeds">Seeds, each run once per grid point.</param>
/// <param name="PointsPerDecade">Recording density of the loss curves.</param>
/// <param name="FitWindow">Window [t0, t1] of the time-exponent fits; null picks the default window.</param>
/// <param name="CheckpointSeconds">Compute seconds between checkpoints of a run; null takes the silo's setting.</param>
/// <param name="Theory">The DMFT theory curves to compute beside the runs; null (default) asks for none.</param>
/// <param name="P">
/// Training-set sizes (Appendix D), null entries for online training; null (default) is online only, so a
/// spec without "P" keeps its grid, its groups and its id. With a finite P, a B of "inf" is the full batch B = P.
/// </param>
/// <param name="Mlp">
/// The task of model mlp-circle (q, q_phi, depth, K), whose (q_phi, q) axes stand where (alpha, beta) do for the other
/// models; <see cref="Alpha"/> and <see cref="Beta"/> are then empty, <see cref="M"/> is 0 (each task's M is its K) and
/// <see cref="Gamma"/> holds gamma_0. Null for the other models.
/// </param>
[GenerateSerializer, Immutable]
public sealed record SweepSpec(
    [property: Id(0)] string Name,
    [property: Id(1)] ModelKind Model,
    [property: Id(2)] double[] Alpha,
    [property: Id(3)] double[] Beta,
    [property: Id(4)] double[] Gamma,
    [property: Id(5)] int[] N,
    [property: Id(6)] long?[] B,
    [property: Id(7)] double[] Eta,
    [property: Id(8)] int M,
    [property: Id(9)] long Steps,
    [property: Id(10)] ulong[] Seeds,
    [property: Id(11)] int PointsPerDecade,
    [property: Id(12)] FitWindow? FitWindow,
    [property: Id(13)] double? CheckpointSeconds,
    [property: Id(14)] TheorySpec? Theory = null,
    [property: Id(15)] long?[]? P = null,
    [property: Id(16)] MlpCircleAxes? Mlp = null)
{
    private static readonly long?[] OnlineOnly = [null];

    /// <summary>
    /// The measured task of every run (spec "spectrum"), in place of the power-law task; <see cref="Alpha"/> and
    /// <see cref="Beta"/> then hold one label each and <see cref="M"/> its mode count. Null for the power-law task.
    /// Appended (field 17), so a stored spec without it reads back null, which it was.
    /// </summary>
    [Id(17)]
    public SpecSpectrum? Spectrum { get; init; }

    /// <summary>The P axis of the grid: <see cref="P"/>, or the one entry "online" when the spec has none.</summary>
    public long?[] PGrid => P is { Length: > 0 } p ? p : OnlineOnly;

    /// <summary>True when some run trains on a finite set of samples.</summary>
    public bool HasFiniteData => P is { } p && Array.Exists(p, v => v is not null);

    /// <summary>
    /// The batch a group of training-set size <paramref name="p"/> runs with for the spec's <paramref name="b"/>:
    /// on a finite set "inf" (null) is the full batch P; online it stays the population gradient.
    /// </summary>
    public static long? EffectiveBatch(long? b, long? p) => b ?? p;

    /// <summary>Entries of the first task axis: alpha, or q_phi for the MLP on the circle.</summary>
    public int TaskRows => Mlp?.QPhi.Length ?? Alpha.Length;

    /// <summary>Entries of the second task axis: beta, or q for the MLP on the circle.</summary>
    public int TaskColumns => Mlp?.Q.Length ?? Beta.Length;

    /// <summary>The task at (<paramref name="row"/>, <paramref name="column"/>) of the two task axes.</summary>
    public GridTask TaskAt(int row, int column)
    {
        if (Mlp is not { } mlp)
        {
            return new GridTask(Alpha[row], Beta[column], M, null);
        }

        Numerics.Models.MlpCircle.MlpCircleSettings settings = mlp.Settings(row, column, Steps);
        return new GridTask(settings.Alpha, settings.Beta, settings.Harmonics, settings);
    }

    /// <summary>Number of runs: the product of the grid sizes.</summary>
    public long RunCount =>
        (long)TaskRows * TaskColumns * Gamma.Length * N.Length * PGrid.Length * B.Length * Eta.Length * Seeds.Length;

    /// <summary>The sweep's grid: its runs, groups and frontiers in one order (see <see cref="SweepGrid"/>).</summary>
    public SweepGrid Grid() => new(this);

    /// <summary>
    /// The sweep's content address: the name, then 12 hex digits of SHA-256 over the run keys, the fit
    /// window and, when present, the theory request with the DMFT solver's version (absent, the text is as before theory existed, so old
    /// sweeps keep their ids). The same spec always maps to the same sweep, so resubmitting it finds the stored one.
    /// </summary>
    public string Id()
    {
        var text = new StringBuilder();
        foreach (SimulationConfig run in Grid().Runs)
        {
            text.Append(run.Fingerprint()).Append('\n');
        }

        text.Append(FitWindow is { } w ? string.Create(CultureInfo.InvariantCulture, $"fit={w.T0}:{w.T1}") : "fit=default");
        if (Theory is { } theory)
        {
            // The solver's version too: a stored report's curves are of the solver that made them.
            text.Append('\n').Append(theory.CanonicalText()).Append(";dmft=").Append(Numerics.Theory.Dmft.DmftSolver.Version.ToString(CultureInfo.InvariantCulture));
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
        return $"{Name}-{hash}";
    }
}
