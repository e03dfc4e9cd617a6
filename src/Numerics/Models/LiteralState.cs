using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The state of the projected model written literally, shared by the online oracle (<see cref="ProjectedReference"/>)
/// and the finite-data one (<see cref="FiniteData.ProjectedFiniteDataReference"/>): an explicit A in R^{N x M}, its
/// start A0, the readout w and v0 = WStar - A^T w / N. The two differ only in the data term v2 they feed to
/// <see cref="Apply"/> (a fresh batch online, the training set's batch on finite data), so the eq. 4 update and the
/// test loss live here once.
/// </summary>
internal sealed class LiteralState
{
    private readonly int _n, _m;
    private readonly double[] _a, _a0, _w, _wOld, _lambda, _wStar;
    private readonly double[] _v0, _lambdaV0, _g, _h, _projected;

    public LiteralState(SimulationConfig config, Spectra.Spectrum spectrum)
    {
        _n = config.N;
        _m = spectrum.M;
        _lambda = spectrum.Lambda.ToArray();
        _wStar = spectrum.WStar.ToArray();
        _a0 = new double[_n * _m];
        InitialFeatures.Fill(config.Seed, _n, _m, _a0);
        _a = (double[])_a0.Clone();
        _w = new double[_n];
        _wOld = new double[_n];
        _v0 = new double[_m];
        _lambdaV0 = new double[_m];
        _projected = new double[_m];
        _g = new double[_n];
        _h = new double[_n];
    }

    /// <summary>v0 of the last <see cref="Loss"/>.</summary>
    public ReadOnlySpan<double> V0 => _v0;

    /// <summary>Lambda v0 of the last <see cref="Loss"/>.</summary>
    public ReadOnlySpan<double> LambdaV0 => _lambdaV0;

    /// <summary>Forms v0 = WStar - A^T w / N and Lambda v0, and returns the test loss v0^T Lambda v0.</summary>
    public double Loss()
    {
        DeterministicBlas.GemvTransposed(_a, _n, _m, _w, _v0);
        TensorPrimitives.Multiply(_v0, -1.0 / _n, _v0);
        TensorPrimitives.Add(_v0, _wStar, _v0);
        TensorPrimitives.Multiply(_lambda, _v0, _lambdaV0);
        return DeterministicBlas.Dot(_lambdaV0, _v0);
    }

    /// <summary>
    /// Eq. 4's step with the data term <paramref name="v2"/>: w &lt;- w + eta A v2 and, when gamma != 0,
    /// A &lt;- A + eta gamma w_old (A0^T A0 v2 / N)^T, both with the old w and A.
    /// </summary>
    public void Apply(ReadOnlySpan<double> v2, double eta, double gamma)
    {
        DeterministicBlas.Gemv(_a, _n, _m, v2, _g);
        _w.CopyTo(_wOld, 0);
        DeterministicBlas.Axpy(eta, _g, _w);
        if (gamma != 0.0)
        {
            // The projection A0^T A0 / N applied to v2: A0^T (A0 v2) / N.
            DeterministicBlas.Gemv(_a0, _n, _m, v2, _h);
            DeterministicBlas.GemvTransposed(_a0, _n, _m, _h, _projected);
            TensorPrimitives.Multiply(_projected, 1.0 / _n, _projected);
            DeterministicBlas.Rank1Update(_a, _n, _m, eta * gamma, _wOld, _projected);
        }
    }

    public void Write(BinaryWriter writer) => SnapshotFormat.WriteArrays(writer, _w, _a);

    /// <summary>Reads w and A back and forms v0 and Lambda v0 again.</summary>
    public void Read(BinaryReader reader)
    {
        SnapshotFormat.ReadArrays(reader, _w, _a);
        Loss();
    }
}
