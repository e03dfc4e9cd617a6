using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The projected-SGD model of eq. 4 written literally, as the oracle for <see cref="ProjectedFast"/>:
/// an explicit A in R^{N x M} and a fresh batch Psi in R^{B x M} every step.
/// <code>
/// v0 = WStar - A^T w / N
/// w &lt;- w + eta A v2,               v2 = Psi^T Psi v0 / B   (Lambda v0 when B is infinite)
/// A &lt;- A + eta gamma w v2^T (A0^T A0 / N)
/// </code>
/// Both updates use the old w, A and v0.
/// </summary>
public sealed class ProjectedReference : SimulationBase
{
    private readonly int _n, _m;
    private readonly double[] _a, _a0, _w, _wOld, _lambda, _sqrtLambda, _wStar;
    private readonly double[] _v0, _lambdaV0, _v2, _row, _g, _h, _p;

    public ProjectedReference(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _n = config.N;
        _m = spectrum.M;
        _lambda = spectrum.Lambda.ToArray();
        _wStar = spectrum.WStar.ToArray();
        _sqrtLambda = new double[_m];
        TensorPrimitives.Sqrt(_lambda, _sqrtLambda);
        _a0 = new double[_n * _m];
        InitialFeatures.Fill(config.Seed, _n, _m, _a0);
        _a = (double[])_a0.Clone();
        _w = new double[_n];
        _wOld = new double[_n];
        _v0 = new double[_m];
        _lambdaV0 = new double[_m];
        _v2 = new double[_m];
        _row = new double[_m];
        _p = new double[_m];
        _g = new double[_n];
        _h = new double[_n];
        Start();
    }

    protected override double ComputeLoss()
    {
        DeterministicBlas.GemvTransposed(_a, _n, _m, _w, _v0);
        TensorPrimitives.Multiply(_v0, -1.0 / _n, _v0);
        TensorPrimitives.Add(_v0, _wStar, _v0);
        TensorPrimitives.Multiply(_lambda, _v0, _lambdaV0);
        return DeterministicBlas.Dot(_lambdaV0, _v0);
    }

    protected override void Update(long t)
    {
        BatchGradient.Draw(Config, t, _sqrtLambda, _lambdaV0, _v0, Loss, _row, _v2);

        DeterministicBlas.Gemv(_a, _n, _m, _v2, _g);
        _w.CopyTo(_wOld, 0);
        DeterministicBlas.Axpy(Config.Eta, _g, _w);
        if (Config.Gamma != 0.0)
        {
            // The projection A0^T A0 / N applied to v2: p = A0^T (A0 v2) / N.
            DeterministicBlas.Gemv(_a0, _n, _m, _v2, _h);
            DeterministicBlas.GemvTransposed(_a0, _n, _m, _h, _p);
            TensorPrimitives.Multiply(_p, 1.0 / _n, _p);
            DeterministicBlas.Rank1Update(_a, _n, _m, Config.Eta * Config.Gamma, _wOld, _p);
        }
    }

    protected override void WriteState(BinaryWriter writer)
    {
        SnapshotFormat.WriteArrays(writer, _w, _a);
    }

    protected override void ReadState(BinaryReader reader)
    {
        SnapshotFormat.ReadArrays(reader, _w, _a);
        ComputeLoss();
    }
}
