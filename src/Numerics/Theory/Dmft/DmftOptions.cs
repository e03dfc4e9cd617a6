namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// Numerical settings of the DMFT solvers. None of them changes the equations; each trades accuracy for
/// time, and the defaults keep the error well under the error bars of a 32-seed simulation mean
/// (measured in docs/dmft.md). Each setter checks its value and throws
/// <see cref="ArgumentOutOfRangeException"/> naming the property and its range.
/// </summary>
public sealed record DmftOptions
{
    /// <summary>Default mode budget of the N, B -&gt; infinity solver (cost ~ modes T^2).</summary>
    public const int DefaultInfiniteModes = 256;

    /// <summary>Default mode budget of the finite N, B solver (cost ~ modes T^3, memory ~ modes T^2).</summary>
    public const int DefaultFiniteModes = 48;

    private readonly int? _modes;
    private readonly int _pointsPerDecade = Models.SimulationConfig.DefaultPointsPerDecade;
    private readonly int? _maxDegreeOfParallelism;
    private readonly DmftTimeGrid _timeGrid = DmftTimeGrid.Auto;
    private readonly long _uniformSteps = GradientFlowDmft.DefaultUniformSteps;
    private readonly int _gridPointsPerDecade = GradientFlowDmft.DefaultGridPointsPerDecade;

    /// <summary>Settings used when none are given.</summary>
    public static DmftOptions Default { get; } = new();

    /// <summary>
    /// Most representative modes (<see cref="ModeQuadrature.PowerLaw"/>); a task with no more modes than
    /// this is summed exactly. Null (default) means <see cref="DefaultInfiniteModes"/> for N, B = infinity
    /// and <see cref="DefaultFiniteModes"/> otherwise; <see cref="int.MaxValue"/> means every mode.
    /// </summary>
    public int? Modes
    {
        get => _modes;
        init
        {
            if (value is int m && m < 16)
            {
                throw TheoryArguments.OutOfRange(m, nameof(Modes), "an integer >= 16, or null for the default");
            }

            _modes = value;
        }
    }

    /// <summary>Recording density: steps of <see cref="Models.LogGrid.Steps"/>, as simulations record.</summary>
    public int PointsPerDecade
    {
        get => _pointsPerDecade;
        init
        {
            TheoryArguments.IntegerInRange(value, 1, 1000, nameof(PointsPerDecade));
            _pointsPerDecade = value;
        }
    }

    /// <summary>
    /// Most threads; null (default) means every processor. The work is partitioned into fixed blocks
    /// whose partial results are combined in a fixed order, so the result does not depend on it.
    /// </summary>
    public int? MaxDegreeOfParallelism
    {
        get => _maxDegreeOfParallelism;
        init
        {
            if (value is int p)
            {
                TheoryArguments.IntegerInRange(p, 1, 4096, nameof(MaxDegreeOfParallelism));
            }

            _maxDegreeOfParallelism = value;
        }
    }

    /// <summary>
    /// Whether the batch noise keeps the rank-one part of the exact Gaussian-feature covariance,
    /// Cov(Psi^T Psi v / B) = (Lambda L + Lambda v v^T Lambda) / B. The paper's eq. 26 keeps only
    /// Lambda L / B; the rank-one part changes each mode's noise by lambda_k^2 &lt;v_k^2&gt; / B. Default true
    /// (the simulation's law).
    /// </summary>
    public bool RankOneBatchNoise { get; init; } = true;

    /// <summary>
    /// Whether the finite-width solver adds each mode's own O(1/N) Wishart self-term to eq. 26-31
    /// (see <see cref="FiniteWidthDmft"/>): the average over the mode's squared column norm
    /// n = |A(0) e_k|^2 / N, its own share taken out of its cross-noise and out of the response R_3 it feels.
    /// Default true; false gives the printed eq. 26-31 (mean-field in every mode). On a finite training set
    /// (<see cref="DataReuseDmft"/>) it is the data's self-term instead: each mode's own squared column norm of the
    /// set, m = |Psi e_k|^2 / (P lambda_k) ~ chi-square(P) / P, with its own response and samples taken out of the
    /// data's mean field; false gives the printed eq. 41 (the A(0) side is eq. 26-31 as printed either way).
    /// </summary>
    public bool SelfTerm { get; init; } = true;

    /// <summary>
    /// Gauss nodes of the average over n (<see cref="ColumnNormQuadrature"/>; over m, of chi-square(P) / P, for
    /// <see cref="DataReuseDmft"/>, with P in place of N below); cost and memory of the solver grow in proportion. Null (default): 8 for N &lt;= 32, 6 for N &lt;= 128, else 4
    /// (relative error under 1e-3 against 16 nodes at N = 16, T = 100; far smaller at larger N).
    /// </summary>
    public int? ColumnNormNodes
    {
        get => _columnNormNodes;
        init
        {
            if (value is int q)
            {
                TheoryArguments.IntegerInRange(q, 1, 64, nameof(ColumnNormNodes));
            }

            _columnNormNodes = value;
        }
    }

    private readonly int? _columnNormNodes;

    /// <summary>Nodes the finite-width solver uses at width <paramref name="n"/> (1 when the self-term is off or N is infinite).</summary>
    public int ColumnNormNodesFor(double n) =>
        !SelfTerm || double.IsPositiveInfinity(n) ? 1 : _columnNormNodes ?? (n <= 32 ? 8 : n <= 128 ? 6 : 4);

    /// <summary>
    /// Time grid of the N, B -&gt; infinity solver (ignored by the finite N, B solver, which always steps
    /// uniformly). <see cref="DmftTimeGrid.Auto"/> (default) picks <see cref="DmftTimeGrid.Geometric"/> when
    /// gamma &gt; 0, T &gt; <see cref="UniformSteps"/> and eta lambda_max &lt; 1, else <see cref="DmftTimeGrid.Uniform"/>
    /// (measured: ~1e-4 relative to the uniform solution, 60-360x faster at T = 10^4; docs/dmft.md).
    /// </summary>
    public DmftTimeGrid TimeGrid
    {
        get => _timeGrid;
        init
        {
            if (!Enum.IsDefined(value))
            {
                throw new ArgumentOutOfRangeException(
                    nameof(TimeGrid), $"TimeGrid = {(int)value} is out of range: TimeGrid must be Auto, Uniform or Geometric");
            }

            _timeGrid = value;
        }
    }

    /// <summary>
    /// Geometric grid: exact SGD steps 0..t0 before the gradient flow takes over (<see cref="GradientFlowDmft"/>);
    /// the flow differs from SGD by O(eta lambda) of the modes still moving, ~ 1/t0 after t0.
    /// </summary>
    public long UniformSteps
    {
        get => _uniformSteps;
        init
        {
            if (value < 1 || value > DmftSettings.MaxSteps)
            {
                throw TheoryArguments.OutOfRange(value, nameof(UniformSteps), $"an integer in [1, {DmftSettings.MaxSteps}]");
            }

            _uniformSteps = value;
        }
    }

    /// <summary>Geometric grid: grid points per decade of t after <see cref="UniformSteps"/> (local error ~ p^-3 per step).</summary>
    public int GridPointsPerDecade
    {
        get => _gridPointsPerDecade;
        init
        {
            TheoryArguments.IntegerInRange(value, 10, 100_000, nameof(GridPointsPerDecade));
            _gridPointsPerDecade = value;
        }
    }

    internal int ModesFor(bool infinite) => _modes ?? (infinite ? DefaultInfiniteModes : DefaultFiniteModes);

    internal int Parallelism => _maxDegreeOfParallelism ?? Environment.ProcessorCount;
}
