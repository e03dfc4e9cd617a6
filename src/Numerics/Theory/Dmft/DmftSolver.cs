namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// Entry point: the DMFT loss curve of the model of eq. 4 for given settings: on a finite training set of
/// P samples from the data-reuse equations (eq. 41, <see cref="DataReuseDmft"/>, test and train loss); online,
/// from the N, B -&gt; infinity equations (eq. 43-44, <see cref="InfiniteWidthDmft"/>) when both are infinite,
/// else from the finite N, B online-SGD equations (eq. 26-31, <see cref="FiniteWidthDmft"/>).
/// </summary>
public static class DmftSolver
{
    /// <summary>
    /// Bumped whenever a change to the solvers, or to a default of <see cref="DmftOptions"/>, would change any
    /// curve's bits, so stored curves of older code are never mistaken for curves of this one (it is part of a
    /// stored theory curve's key).
    /// </summary>
    public const int Version = 2;

    /// <summary>
    /// Solves the DMFT for <paramref name="settings"/>; throws <see cref="ArgumentOutOfRangeException"/> for bad
    /// settings, and (naming eta) for a step size whose curve would diverge: no returned curve holds a loss that is
    /// not finite or past <see cref="Models.SimulationConfig.DivergenceThreshold"/>.
    /// </summary>
    /// <param name="settings">The model.</param>
    /// <param name="options">Numerics; null takes <see cref="DmftOptions.Default"/>.</param>
    /// <param name="cancellationToken">Checked once per time step; a cancelled solve throws <see cref="OperationCanceledException"/>.</param>
    /// <param name="progress">Told the time reached at each time step, for progress displays; null: nobody asks.</param>
    public static DmftCurve Solve(DmftSettings settings, DmftOptions? options = null, CancellationToken cancellationToken = default, DmftProgress? progress = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        options ??= DmftOptions.Default;
        ModeSet modes = Modes(settings, options);
        DmftCurve curve;
        if (settings.IsFiniteData)
        {
            curve = DataReuseDmft.Solve(modes, settings.Gamma, settings.Eta, settings.N, settings.P, settings.Steps, options, cancellationToken, progress);
        }
        else if (!settings.IsInfinite)
        {
            curve = FiniteWidthDmft.Solve(modes, settings.Gamma, settings.Eta, settings.N, settings.Batch, settings.Steps, options, cancellationToken, progress);
        }
        else
        {
            curve = TimeGridFor(settings, options, modes) == DmftTimeGrid.Geometric
                ? GradientFlowDmft.Solve(
                    modes, settings.Gamma, settings.Eta, settings.Steps, options.PointsPerDecade, options.UniformSteps, options.GridPointsPerDecade, options.Parallelism, cancellationToken, progress)
                : InfiniteWidthDmft.Solve(modes, settings.Gamma, settings.Eta, settings.Steps, options.PointsPerDecade, options.Parallelism, cancellationToken, progress);
        }

        return DmftDivergence.Checked(curve, settings.Eta);
    }

    /// <summary>
    /// The time grid <see cref="Solve"/> uses for N = B = infinity. Auto: geometric for gamma &gt; 0 when T exceeds
    /// the uniform stretch and eta lambda_max &lt; 1; uniform otherwise (gamma = 0 is then the closed form, O(modes T)).
    /// </summary>
    public static DmftTimeGrid TimeGridFor(DmftSettings settings, DmftOptions options, ModeSet modes)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        return options.TimeGrid switch
        {
            DmftTimeGrid.Auto => settings.Gamma > 0.0 && settings.Steps > options.UniformSteps && GradientFlowDmft.IsValid(modes, settings.Eta)
                ? DmftTimeGrid.Geometric : DmftTimeGrid.Uniform,
            _ => options.TimeGrid,
        };
    }

    /// <summary>
    /// Bytes the solver <see cref="Solve"/> picks for these settings holds at its peak, from its arrays: what a
    /// cluster checks against its cap before it accepts a theory curve.
    /// </summary>
    public static long EstimatedBytes(DmftSettings settings, DmftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        options ??= DmftOptions.Default;
        ModeSet modes = Modes(settings, options);
        if (settings.IsFiniteData)
        {
            return DataReuseDmft.EstimatedBytes(modes.Count, settings.Steps, options.ColumnNormNodesFor(settings.P), DataReuseDmft.UsesSelfTerm(options, settings.P));
        }

        if (!settings.IsInfinite)
        {
            return FiniteWidthDmft.EstimatedBytes(modes.Count, settings.Steps, options.ColumnNormNodesFor(settings.N));
        }

        return TimeGridFor(settings, options, modes) == DmftTimeGrid.Geometric
            ? GradientFlowDmft.EstimatedBytes(modes.Count)
            : InfiniteWidthDmft.EstimatedBytes(modes.Count, settings.Steps, settings.Gamma);
    }

    /// <summary>The representative modes the solver for these settings and options uses.</summary>
    public static ModeSet Modes(DmftSettings settings, DmftOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        options ??= DmftOptions.Default;
        int budget = options.ModesFor(settings.IsInfinite);
        return settings.Spectrum is { } spectrum
            ? ModeQuadrature.Binned(spectrum, budget)
            : ModeQuadrature.PowerLaw(settings.Alpha, settings.Beta, settings.M, budget);
    }
}
