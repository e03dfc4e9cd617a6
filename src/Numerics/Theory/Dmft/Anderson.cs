namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// Anderson acceleration (type II, damped) of a fixed-point iteration x = g(x) in R^n with a short history:
/// x_next = x + beta f - (dX + beta dF) c, f = g(x) - x, c = argmin |f - dF c| over the last depth
/// differences (normal equations, Tikhonov-regularised, solved by Gaussian elimination). Everything is
/// sequential, so the iterates are deterministic. Allocation-free after construction.
/// </summary>
internal sealed class Anderson
{
    private const double Damping = 0.5;

    private readonly int _n, _depth;
    private readonly double[] _dx, _df, _lastX, _lastF, _f, _matrix, _rhs;
    private int _count, _head;
    private bool _hasLast;

    public Anderson(int n, int depth)
    {
        _n = n;
        _depth = depth;
        _dx = new double[n * depth];
        _df = new double[n * depth];
        _lastX = new double[n];
        _lastF = new double[n];
        _f = new double[n];
        _matrix = new double[depth * depth];
        _rhs = new double[depth];
    }

    public void Reset()
    {
        _count = 0;
        _head = 0;
        _hasLast = false;
    }

    /// <summary>Replaces <paramref name="x"/> by the next iterate, given g(x) = <paramref name="gx"/>.</summary>
    public void Next(double[] x, double[] gx)
    {
        int n = _n;
        for (int i = 0; i < n; i++)
        {
            _f[i] = gx[i] - x[i];
        }

        if (_hasLast)
        {
            int row = _head * n;
            for (int i = 0; i < n; i++)
            {
                _dx[row + i] = x[i] - _lastX[i];
                _df[row + i] = _f[i] - _lastF[i];
            }

            _head = (_head + 1) % _depth;
            _count = Math.Min(_count + 1, _depth);
        }

        Array.Copy(x, _lastX, n);
        Array.Copy(_f, _lastF, n);
        _hasLast = true;

        int m = _count;
        if (m > 0)
        {
            // Normal equations (dF^T dF + eps I) c = dF^T f, in slot order 0..m-1.
            double trace = 0;
            for (int a = 0; a < m; a++)
            {
                for (int b = 0; b <= a; b++)
                {
                    double sum = 0;
                    for (int i = 0; i < n; i++)
                    {
                        sum += _df[a * n + i] * _df[b * n + i];
                    }

                    _matrix[a * m + b] = sum;
                    _matrix[b * m + a] = sum;
                }

                trace += _matrix[a * m + a];
                double r = 0;
                for (int i = 0; i < n; i++)
                {
                    r += _df[a * n + i] * _f[i];
                }

                _rhs[a] = r;
            }

            double eps = 1e-12 * trace / m + double.Epsilon;
            for (int a = 0; a < m; a++)
            {
                _matrix[a * m + a] += eps;
            }

            Solve(m);
            for (int i = 0; i < n; i++)
            {
                double correction = 0;
                for (int a = 0; a < m; a++)
                {
                    correction += (_dx[a * n + i] + Damping * _df[a * n + i]) * _rhs[a];
                }

                x[i] += Damping * _f[i] - correction;
            }
        }
        else
        {
            for (int i = 0; i < n; i++)
            {
                x[i] += Damping * _f[i];
            }
        }
    }

    /// <summary>Gaussian elimination with partial pivoting on the m x m system in place; solution in _rhs.</summary>
    private void Solve(int m)
    {
        for (int col = 0; col < m; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < m; r++)
            {
                if (Math.Abs(_matrix[r * m + col]) > Math.Abs(_matrix[pivot * m + col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (int c = 0; c < m; c++)
                {
                    (_matrix[col * m + c], _matrix[pivot * m + c]) = (_matrix[pivot * m + c], _matrix[col * m + c]);
                }

                (_rhs[col], _rhs[pivot]) = (_rhs[pivot], _rhs[col]);
            }

            double d = _matrix[col * m + col];
            for (int r = col + 1; r < m; r++)
            {
                double factor = _matrix[r * m + col] / d;
                for (int c = col; c < m; c++)
                {
                    _matrix[r * m + c] -= factor * _matrix[col * m + c];
                }

                _rhs[r] -= factor * _rhs[col];
            }
        }

        for (int r = m - 1; r >= 0; r--)
        {
            double sum = _rhs[r];
            for (int c = r + 1; c < m; c++)
            {
                sum -= _matrix[r * m + c] * _rhs[c];
            }

            _rhs[r] = sum / _matrix[r * m + r];
        }
    }
}
