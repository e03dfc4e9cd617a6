using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Models.FiniteData;

/// <summary>
/// Eq. 32 in discrete time, written literally, as the oracle and the benchmark baseline of
/// <see cref="ProjectedFiniteData"/>: an explicit training set Psi in R^{P x M}
/// (<see cref="ProjectedTrainingSet.LiteralSamples"/>), an explicit A in R^{N x M}, and per step
/// <code>
/// v0 = WStar - A^T w / N,   r = Psi_S^T Psi_S v0 / B
/// w &lt;- w + eta A r,          A &lt;- A + eta gamma w r^T (A0^T A0 / N)      (old w, A, v0 on the right)
/// </code>
/// with the batches S of <see cref="EpochOrder"/> (every sample when B = P). Cost O(B M + N M) a step; the
/// train loss |Psi v0|^2 / P costs O(P M) at each recorded step.
/// </summary>
public sealed class ProjectedFiniteDataReference : SimulationBase
{
    private readonly int _m, _p;
    private readonly double[] _psi, _r;
    private readonly LiteralState _state;
    private readonly EpochOrder _order;

    public ProjectedFiniteDataReference(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _m = spectrum.M;
        _p = checked((int)config.P!.Value);
        _psi = ProjectedTrainingSet.LiteralSamples(config);
        _state = new LiteralState(config, spectrum);
        _order = new EpochOrder(config.Seed, _p, config.Batch!.Value);
        _r = new double[_m];
        Start();
    }

    /// <summary>The explicit training set, P x M row-major, for tests that run the fast model on the same one.</summary>
    internal ReadOnlySpan<double> Samples => _psi;

    protected override bool TracksTrainLoss => true;

    protected override double ComputeLoss() => _state.Loss();

    protected override double ComputeTrainLoss()
    {
        ReadOnlySpan<double> v0 = _state.V0;
        double sum = 0.0;
        for (int mu = 0; mu < _p; mu++)
        {
            double e = DeterministicBlas.Dot(_psi.AsSpan(mu * _m, _m), v0);
            sum += e * e;
        }

        return sum / _p;
    }

    protected override void Update(long t)
    {
        ReadOnlySpan<int> batch = _order.Batch(t);
        ReadOnlySpan<double> v0 = _state.V0;
        Array.Clear(_r);
        foreach (int mu in batch)
        {
            ReadOnlySpan<double> psi = _psi.AsSpan(mu * _m, _m);
            DeterministicBlas.Axpy(DeterministicBlas.Dot(psi, v0), psi, _r);
        }

        TensorPrimitives.Multiply(_r, 1.0 / batch.Length, _r);
        _state.Apply(_r, Config.Eta, Config.Gamma);
    }

    protected override void WriteState(BinaryWriter writer) => _state.Write(writer);

    protected override void ReadState(BinaryReader reader) => _state.Read(reader);
}
