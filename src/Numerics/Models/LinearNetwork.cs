using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The centred two-layer linear network of Appendix G (eq. 84-85), after Chizat et al. (2019):
/// f(x) = (1/gamma0) (w^T A x - w0^T A0 x) / N with x ~ N(0, Lambda), w0 and A0 i.i.d. N(0, 1),
/// both layers trained by plain online SGD (no projection, so no width bottleneck).
/// <para>
/// The paper leaves the scale conventions open; ours is the mean-field one: the output carries
/// 1/(gamma0 N) and both layers learn at rate eta gamma0^2 N, so the function-space kernel at
/// initialisation, eta (A^T A / N + |w|^2 / N), does not depend on gamma0, while features move by
/// O(gamma0): gamma0 is the richness. The updates are then, with
/// v0 = WStar - (A^T w - A0^T w0) / (gamma0 N) and v2 = Psi^T Psi v0 / B,
/// w &lt;- w + eta gamma0 A v2 and A &lt;- A + eta gamma0 w v2^T (old values on the right).
/// </para>
/// Cost per step O(N M); the fast sampler draws v2 by <see cref="BatchGradient.Compressed"/> in
/// O(M), the reference one literally in O(B M). |w|^2 / N is recorded beside the loss (Fig. 12).
/// </summary>
public sealed class LinearNetwork : SimulationBase
{
    private readonly int _n, _m;
    private readonly double _gamma0;
    private readonly double[] _a, _w, _wOld, _initialOutput, _lambda, _sqrtLambda, _wStar;
    private readonly double[] _v0, _lambdaV0, _v2, _row, _g;

    public LinearNetwork(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _n = config.N;
        _m = spectrum.M;
        _gamma0 = config.Gamma;
        _lambda = spectrum.Lambda.ToArray();
        _wStar = spectrum.WStar.ToArray();
        _sqrtLambda = new double[_m];
        TensorPrimitives.Sqrt(_lambda, _sqrtLambda);
        _a = new double[_n * _m];
        InitialFeatures.Fill(config.Seed, _n, _m, _a);
        _w = new double[_n];
        var readout = new CounterRng(config.Seed, RandomStream.InitialReadout, 0);
        readout.FillGaussian(_w);

        // A0^T w0 is fixed: the centring subtracts the initial network's function.
        _initialOutput = new double[_m];
        DeterministicBlas.GemvTransposed(_a, _n, _m, _w, _initialOutput);
        _wOld = new double[_n];
        _v0 = new double[_m];
        _lambdaV0 = new double[_m];
        _v2 = new double[_m];
        _row = new double[_m];
        _g = new double[_n];
        Start();
    }

    protected override bool TracksWeightNorm => true;

    protected override double WeightNormPerWidth() => DeterministicBlas.Dot(_w, _w) / _n;

    protected override double ComputeLoss()
    {
        DeterministicBlas.GemvTransposed(_a, _n, _m, _w, _v0);
        TensorPrimitives.Subtract(_v0, _initialOutput, _v0);
        TensorPrimitives.Multiply(_v0, -1.0 / (_gamma0 * _n), _v0);
        TensorPrimitives.Add(_v0, _wStar, _v0);
        TensorPrimitives.Multiply(_lambda, _v0, _lambdaV0);
        return DeterministicBlas.Dot(_lambdaV0, _v0);
    }

    protected override void Update(long t)
    {
        BatchGradient.Draw(Config, t, _sqrtLambda, _lambdaV0, _v0, Loss, _row, _v2);

        double rate = Config.Eta * _gamma0;
        DeterministicBlas.Gemv(_a, _n, _m, _v2, _g);
        _w.CopyTo(_wOld, 0);
        DeterministicBlas.Axpy(rate, _g, _w);
        DeterministicBlas.Rank1Update(_a, _n, _m, rate, _wOld, _v2);
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
