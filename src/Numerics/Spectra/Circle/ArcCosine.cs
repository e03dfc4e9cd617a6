using MathNet.Numerics;

namespace ScaleSweep.Numerics.Spectra.Circle;

/// <summary>
/// The arc-cosine expectation J_q(rho) = E[ReLU(u)^q ReLU(v)^q] for standard normal u, v with correlation rho, the
/// building block of the infinite-width kernels of ReLU^q networks (Cho and Saul's arc-cosine kernels for integer q).
/// </summary>
/// <remarks>
/// Writing (u, v) = (w . a, w . b) with w ~ N(0, I_2), |a| = |b| = 1 and angle t = arccos rho between a and b, in polar
/// coordinates w = r (cos phi, sin phi) the radial integral is int_0^inf r^(2q+1) e^(-r^2/2) dr / (2 pi) = 2^q Gamma(q+1) / (2 pi),
/// and both factors are positive for phi in [t - pi/2, pi/2]:
///
///     J_q(t) = 2^q Gamma(q+1) / (2 pi) int_{t - pi/2}^{pi/2} cos^q(phi) cos^q(phi - t) dphi.
///
/// q = 0 gives (pi - t) / (2 pi) and q = 1 gives (sin t + (pi - t) cos t) / (2 pi), both in closed form here (and the
/// tests hold the quadrature to them). For other q the integrand vanishes like a power q at both ends, which spoils
/// Gauss-Legendre's convergence, so the angular integral uses MathNet's double-exponential (tanh-sinh) rule, which
/// is made for such end-point behaviour.
/// </remarks>
public static class ArcCosine
{
    /// <summary>Relative accuracy asked of the angular quadrature.</summary>
    public const double Tolerance = 1e-13;

    /// <summary>
    /// J_q(rho) for q &gt; -1/2 and rho in [-1, 1] (clamped: rounding can put a correlation a hair outside). Negative q
    /// is the derivative's kernel of ReLU^(q+1) (the NTK needs E[phi'(u) phi'(v)]): its integrand is singular at the
    /// ends but integrable, and J is finite for every rho as long as q &gt; -1/2.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">q not above -1/2 or not finite, or rho not finite.</exception>
    public static double J(double q, double rho)
    {
        if (!(q > -0.5) || double.IsInfinity(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "The power q must be finite and > -1/2.");
        }

        if (!double.IsFinite(rho))
        {
            throw new ArgumentOutOfRangeException(nameof(rho), rho, "The correlation must be finite.");
        }

        double t = Math.Acos(Math.Clamp(rho, -1.0, 1.0));
        if (q == 0)
        {
            return (Math.PI - t) / (2 * Math.PI);
        }

        if (q == 1)
        {
            return (Math.Sin(t) + ((Math.PI - t) * Math.Cos(t))) / (2 * Math.PI);
        }

        return Numerical(q, t);
    }

    /// <summary>The quadrature of the remark, for any q &gt; -1/2 (internal so the tests can hold it to the closed forms).</summary>
    /// <remarks>
    /// With w = pi - t and d the distance from the nearer end of the interval, both halves are the same integral,
    /// 2 int_0^(w/2) sin(d)^q sin(t + d)^q dd. Near d = 0 it behaves like d^q (t + d)^q: like d^q for d &lt; t, like d^(2q)
    /// beyond, and for q &lt; 0 it is infinite at the end. Each piece gets the substitution that makes it smooth for the
    /// double-exponential rule: d = u^(1/(q+1)) on [0, t], d = t e^s on [t, w/2] (there the integrand is
    /// d^(2q+1) in s, 2q + 1 &gt; 0). t = 0 is the moment E[ReLU(z)^2q] = 2^q Gamma(q + 1/2) / (2 sqrt(pi)) in closed form.
    /// Without the substitutions, nodes a rounding away from the end miss a share of order (1e-16)^(2q+1) of the
    /// integral: 4e-4 at q = -0.4, which is where the NTK of qPhi = 0.6 needs it.
    /// </remarks>
    internal static double Numerical(double q, double t)
    {
        double w = Math.PI - t;
        if (w <= 0)
        {
            return 0; // t = pi: u = -v, never both positive
        }

        double scale = Math.Pow(2, q) * SpecialFunctions.Gamma(q + 1) / (2 * Math.PI);
        if (t == 0)
        {
            return Math.Pow(2, q) * SpecialFunctions.Gamma(q + 0.5) / (2 * Math.Sqrt(Math.PI));
        }

        double a = Math.Min(t, w / 2), m = 1 / (q + 1);
        double near = Integrate.DoubleExponential(
            u =>
            {
                double d = Math.Pow(u, m);
                return m * Math.Pow(Sinc(d), q) * Math.Pow(Math.Sin(t + d), q);
            },
            0,
            Math.Pow(a, q + 1),
            Tolerance);
        double far = a < w / 2
            ? Integrate.DoubleExponential(
                s =>
                {
                    double d = a * Math.Exp(s);
                    return Math.Pow(d, q + 1) * Math.Pow(Sinc(d), q) * Math.Pow(Math.Sin(t + d), q);
                },
                0,
                Math.Log(w / (2 * a)),
                Tolerance)
            : 0;
        return scale * 2 * (near + far);
    }

    private static double Sinc(double d) => d > 0 ? Math.Sin(d) / d : 1;
}
