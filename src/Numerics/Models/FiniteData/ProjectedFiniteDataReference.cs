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
    private readonly int _n, _m, _p;
    private readonly double[] _psi, _a, _a0, _w, _wOld, _lambda, _wStar;
    private readonly double[] _v0, _lambdaV0, _r, _g, _h, _projected;
    private readonly EpochOrder _order;

    public ProjectedFiniteDataReference(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _n = config.N;
        _m = spectrum.M;
        _p = checked((int)config.P!.Value);
        _lambda = spectrum.Lambda.ToArray();
        _wStar = spectrum.WStar.ToArray();
        _psi = ProjectedTrainingSet.LiteralSamples(config);
        _a0 = new double[_n * _m];
        InitialFeatures.Fill(config.Seed, _n, _m, _a0);
        _a = (double[])_a0.Clone();
        _order = new EpochOrder(config.Seed, _p, config.Batch!.Value);
        _w = new double[_n];
        _wOld = new double[_n];
        _v0 = new double[_m];
        _lambdaV0 = new double[_m];
        _r = new double[_m];
        _projected = new double[_m];
        _g = new double[_n];
        _h = new double[_n];
        Start();
    }

    /// <summary>The explicit training set, P x M row-major, for tests that run the fast model on the same one.</summary>
    internal ReadOnlySpan<double> Samples => _psi;

    protected override bool TracksTrainLoss => true;

    protected override double ComputeLoss()
    {
        DeterministicBlas.GemvTransposed(_a, _n, _m, _w, _v0);
        TensorPrimitives.Multiply(_v0, -1.0 / _n, _v0);
        TensorPrimitives.Add(_v0, _wStar, _v0);
        TensorPrimitives.Multiply(_lambda, _v0, _lambdaV0);
        return DeterministicBlas.Dot(_lambdaV0, _v0);
    }

    protected override double ComputeTrainLoss()
    {
        double sum = 0.0;
        for (int mu = 0; mu < _p; mu++)
        {
            double e = DeterministicBlas.Dot(_psi.AsSpan(mu * _m, _m), _v0);
            sum += e * e;
        }

        return sum / _p;
    }

    protected override void Update(long t)
    {
        ReadOnlySpan<int> batch = _order.Batch(t);
        Array.Clear(_r);
        foreach (int mu in batch)
        {
            ReadOnlySpan<double> psi = _psi.AsSpan(mu * _m, _m);
            DeterministicBlas.Axpy(DeterministicBlas.Dot(psi, _v0), psi, _r);
        }

        TensorPrimitives.Multiply(_r, 1.0 / batch.Length, _r);
        DeterministicBlas.Gemv(_a, _n, _m, _r, _g);
        _w.CopyTo(_wOld, 0);
        DeterministicBlas.Axpy(Config.Eta, _g, _w);
        if (Config.Gamma != 0.0)
        {
            // The projection A0^T A0 / N applied to r.
            DeterministicBlas.Gemv(_a0, _n, _m, _r, _h);
            DeterministicBlas.GemvTransposed(_a0, _n, _m, _h, _projected);
            TensorPrimitives.Multiply(_projected, 1.0 / _n, _projected);
            DeterministicBlas.Rank1Update(_a, _n, _m, Config.Eta * Config.Gamma, _wOld, _projected);
        }
    }

    protected override void WriteState(BinaryWriter writer) => SnapshotFormat.WriteArrays(writer, _w, _a);

    protected override void ReadState(BinaryReader reader)
    {
        SnapshotFormat.ReadArrays(reader, _w, _a);
        ComputeLoss();
    }
}
