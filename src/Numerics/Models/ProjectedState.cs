using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The state of the projected model in its exact N-dimensional form (<see cref="ProjectedFast"/>), shared by the
/// online and the finite-data models: the readout w, Bmat with A = Bmat A0 (only when gamma != 0; else Bmat = I),
/// u = Bmat^T w, and the test loss L = S - 2 u.b / N + u^T K u / N^2 from K = A0 Lambda A0^T,
/// b = A0 Lambda WStar and S = WStar^T Lambda WStar.
/// </summary>
internal sealed class ProjectedState
{
    private readonly int _n;
    private readonly double _s;
    private readonly double[] _k, _b;
    private readonly double[] _w, _wOld, _u, _ku, _bmG;
    private readonly double[]? _bmat;

    public ProjectedState(int n, double gamma, double[] k, double[] b, double s)
    {
        _n = n;
        _k = k;
        _b = b;
        _s = s;
        _w = new double[n];
        _wOld = new double[n];
        _u = new double[n];
        _ku = new double[n];
        _bmG = new double[n];
        if (gamma != 0.0)
        {
            _bmat = new double[n * n];
            for (int i = 0; i < n; i++)
            {
                _bmat[i * n + i] = 1.0;
            }
        }
    }

    /// <summary>u = Bmat^T w, so that v0 = WStar - A0^T u / N.</summary>
    public ReadOnlySpan<double> U => _u;

    /// <summary>K u as of the last <see cref="TestLoss"/>.</summary>
    public ReadOnlySpan<double> KU => _ku;

    /// <summary>b = A0 Lambda WStar.</summary>
    public ReadOnlySpan<double> B => _b;

    /// <summary>The exact population loss v0^T Lambda v0; also refreshes <see cref="KU"/>.</summary>
    public double TestLoss()
    {
        DeterministicBlas.Gemv(_k, _n, _n, _u, _ku);
        double loss = _s - 2.0 * DeterministicBlas.Dot(_u, _b) / _n + DeterministicBlas.Dot(_u, _ku) / ((double)_n * _n);

        // The expanded form can round a tiny true loss to a tiny negative number.
        return loss < 0.0 ? 0.0 : loss;
    }

    /// <summary>
    /// One update from g = A0 r (r the step's data term): w &lt;- w + eta Bmat g and
    /// Bmat &lt;- Bmat + (eta gamma / N) w_old g^T, i.e. eq. 4's A update on the right of A0; then u.
    /// </summary>
    public void Apply(ReadOnlySpan<double> g, double eta, double gamma)
    {
        if (_bmat is null)
        {
            DeterministicBlas.Axpy(eta, g, _w);
            _w.CopyTo(_u, 0);
            return;
        }

        _w.CopyTo(_wOld, 0);
        DeterministicBlas.Gemv(_bmat, _n, _n, g, _bmG);
        DeterministicBlas.Axpy(eta, _bmG, _w);
        DeterministicBlas.Rank1Update(_bmat, _n, _n, eta * gamma / _n, _wOld, g);
        DeterministicBlas.GemvTransposed(_bmat, _n, _n, _w, _u);
    }

    public void Write(BinaryWriter writer) => SnapshotFormat.WriteArrays(writer, _w, _bmat ?? []);

    /// <summary>Reads w and Bmat and rebuilds u and K u.</summary>
    public void Read(BinaryReader reader)
    {
        SnapshotFormat.ReadArrays(reader, _w, _bmat ?? []);
        if (_bmat is null)
        {
            _w.CopyTo(_u, 0);
        }
        else
        {
            DeterministicBlas.GemvTransposed(_bmat, _n, _n, _w, _u);
        }

        TestLoss();
    }
}
