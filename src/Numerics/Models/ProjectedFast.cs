using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The model of eq. 4, exact in distribution, at O(N^2) per step whatever M and B.
/// <para>
/// (1) The projection keeps A(t) = Bmat(t) A0 (Appendix B) with Bmat in R^{N x N}, Bmat(0) = I:
/// A0 has rank N, and multiplying Bmat &lt;- Bmat + (eta gamma / N) w (A0 v2)^T on the right by A0 gives
/// eq. 4's update A &lt;- A + eta gamma w v2^T A0^T A0 / N. With u = Bmat^T w,
/// v0 = WStar - A0^T u / N, so with the one-off precomputation K = A0 Lambda A0^T,
/// b = A0 Lambda WStar and S = WStar^T Lambda WStar:
/// L = v0^T Lambda v0 = S - 2 u.b / N + u^T K u / N^2, and the update needs only g = A0 v2, since
/// w &lt;- w + eta A v2 = w + eta Bmat g.
/// </para>
/// <para>
/// (2) g = (1/B) sum_mu z_mu s_mu with z = A0 x, s = x . v0, x ~ N(0, Lambda). (z, s) is Gaussian
/// with Cov z = K, Var s = L, Cov(z, s) = c = A0 Lambda v0 = b - K u / N. Conditioning each sample
/// on its s as in <see cref="BatchGradient.Compressed"/>: g = [c Q + sqrt(L Q) (z' - c s' / L)] / B
/// with Q ~ chi-square(B) and one fresh joint draw (z', s'). That draw comes from the fixed joint
/// law of (A0 x, WStar . x), covariance [[K, b], [b^T, S]] = F F^T, as (z', y') = F eta with
/// eta ~ N(0, I_{N+1}); then s' = y' - u . z' / N because v0 = WStar - A0^T u / N.
/// </para>
/// With B infinite, g = c exactly. With gamma = 0, Bmat stays I and u = w.
/// </summary>
public sealed class ProjectedFast : SimulationBase
{
    private readonly int _n;
    private readonly double[] _factor;
    private readonly double[] _c, _g, _eta, _zy;
    private readonly ProjectedState _state;

    public ProjectedFast(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _n = config.N;
        var k = new double[_n * _n];
        var b = new double[_n];
        double s = spectrum.InitialLoss;
        Precompute(config.Seed, _n, spectrum.M, spectrum.Lambda, spectrum.WStar, k, b);

        _factor = JointFactor(_n, k, b, s);

        _c = new double[_n];
        _g = new double[_n];
        _eta = new double[_n + 1];
        _zy = new double[_n + 1];
        _state = new ProjectedState(_n, config.Gamma, k, b, s);
        Start();
    }

    /// <summary>The lower Cholesky factor F of the covariance [[K, b], [b^T, S]] of (A0 x, WStar . x), x ~ N(0, Lambda).</summary>
    internal static double[] JointFactor(int n, ReadOnlySpan<double> k, ReadOnlySpan<double> b, double s)
    {
        int n1 = n + 1;
        var joint = new double[n1 * n1];
        for (int i = 0; i < n; i++)
        {
            k.Slice(i * n, n).CopyTo(joint.AsSpan(i * n1, n));
            joint[i * n1 + n] = b[i];
            joint[n * n1 + i] = b[i];
        }

        joint[n * n1 + n] = s;
        var factor = new double[n1 * n1];
        SemidefiniteCholesky.Factor(joint, n1, factor);
        return factor;
    }

    /// <summary>One draw (z, y) = F xi of (A0 x, WStar . x) into <paramref name="zy"/> (N + 1 values), xi ~ N(0, I) from <paramref name="rng"/>.</summary>
    internal static void DrawJoint(ref CounterRng rng, ReadOnlySpan<double> factor, int n, Span<double> xi, Span<double> zy)
    {
        rng.FillGaussian(xi);
        int n1 = n + 1;
        for (int i = 0; i < n1; i++)
        {
            zy[i] = DeterministicBlas.Dot(factor.Slice(i * n1, i + 1), xi.Slice(0, i + 1));
        }
    }

    /// <summary>K = A0 Lambda A0^T and b = A0 Lambda WStar from the seed's A0 (O(N^2 M), once).</summary>
    internal static void Precompute(ulong seed, int n, int m, ReadOnlySpan<double> lambda, ReadOnlySpan<double> wStar, Span<double> k, Span<double> b)
    {
        var a0 = new double[(long)n * m];
        InitialFeatures.Fill(seed, n, m, a0);
        var scaled = new double[m];
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> rowI = a0.AsSpan(i * m, m);
            TensorPrimitives.Multiply(rowI, lambda, scaled);
            b[i] = DeterministicBlas.Dot(scaled, wStar);
            for (int j = 0; j <= i; j++)
            {
                double value = DeterministicBlas.Dot(scaled, a0.AsSpan(j * m, m));
                k[i * n + j] = value;
                k[j * n + i] = value;
            }
        }
    }

    protected override double ComputeLoss() => _state.TestLoss();

    protected override void Update(long t)
    {
        // c = A0 Lambda v0 = b - K u / N.
        TensorPrimitives.Multiply(_state.KU, -1.0 / _n, _c);
        TensorPrimitives.Add(_c, _state.B, _c);
        if (Config.Batch is { } batch)
        {
            SampleBatchGradient(t, batch);
        }
        else
        {
            _c.CopyTo(_g, 0);
        }

        _state.Apply(_g, Config.Eta, Config.Gamma);
    }

    private void SampleBatchGradient(long t, long batch)
    {
        var rng = new CounterRng(Config.Seed, RandomStream.Batch, (ulong)t);
        SampleBatchGradient(ref rng, _factor, _n, _state.U, _c, Loss, batch, _eta, _zy, _g);
    }

    /// <summary>
    /// Draws g = A0 Psi^T Psi v0 / B given u (so v0 = WStar - A0^T u / N), c = A0 Lambda v0 and
    /// L = v0^T Lambda v0, from the factor F of the joint covariance of (A0 x, WStar . x).
    /// </summary>
    internal static void SampleBatchGradient(
        ref CounterRng rng, ReadOnlySpan<double> factor, int n, ReadOnlySpan<double> u, ReadOnlySpan<double> c,
        double loss, long batch, Span<double> eta, Span<double> zy, Span<double> g)
    {
        DrawJoint(ref rng, factor, n, eta, zy);
        ReadOnlySpan<double> z = zy.Slice(0, n);
        double sPrime = zy[n] - DeterministicBlas.Dot(u, z) / n;
        double q = rng.NextChiSquare(batch);
        BatchGradient.CombineConditioned(q, sPrime, loss, batch, c, z, g);
    }

    protected override void WriteState(BinaryWriter writer) => _state.Write(writer);

    protected override void ReadState(BinaryReader reader) => _state.Read(reader);
}
