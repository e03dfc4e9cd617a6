using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ScaleSweep.Numerics.Analysis;

/// <summary>
/// Robust fit of L(t) = sum_k a_k t^-r_k + c to a loss curve: Huber loss on log residuals,
/// minimised by L-BFGS from many starts (the procedure of Besiroglu et al. 2024 for Chinchilla's
/// approach 3).
/// </summary>
/// <remarks>
/// Parameters are theta = (log a_1, r_1, ..., log a_K, r_K, log c), so positivity of the
/// amplitudes and of the offset needs no constraint. The model's log is evaluated as a
/// log-sum-exp of the terms, which stays finite for any theta the line search may try.
/// </remarks>
internal sealed class HuberPowerSum
{
    private readonly double[] _logT;
    private readonly double[] _logLoss;
    private readonly int _terms;
    private readonly double _delta;

    internal HuberPowerSum(double[] logT, double[] logLoss, int terms, double delta)
    {
        _logT = logT;
        _logLoss = logLoss;
        _terms = terms;
        _delta = delta;
    }

    internal int ParameterCount => (2 * _terms) + 1;

    /// <summary>Sum over points of Huber(log L - log model); writes its gradient into <paramref name="gradient"/>.</summary>
    internal double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        gradient.Clear();
        Span<double> logTerm = stackalloc double[_terms + 1];
        double total = 0;
        for (int i = 0; i < _logT.Length; i++)
        {
            double u = _logT[i];
            double logModel = LogModel(theta, u, logTerm);
            double residual = _logLoss[i] - logModel;
            double magnitude = Math.Abs(residual);
            total += magnitude <= _delta ? 0.5 * residual * residual : _delta * (magnitude - (0.5 * _delta));

            // d Huber / d theta = -psi(residual) * d logModel / d theta, with psi the clipped residual
            // and d logModel / d log a_k = w_k, d logModel / d r_k = -u w_k, w_k the softmax weights.
            double psi = Math.Clamp(residual, -_delta, _delta);
            for (int k = 0; k < _terms; k++)
            {
                double weight = Math.Exp(logTerm[k] - logModel);
                gradient[2 * k] -= psi * weight;
                gradient[(2 * k) + 1] += psi * u * weight;
            }

            gradient[2 * _terms] -= psi * Math.Exp(logTerm[_terms] - logModel);
        }

        return total;
    }

    /// <summary>
    /// log(sum_k exp(log a_k - r_k u) + exp(log c)), leaving each term's log in <paramref name="logTerm"/>.
    /// </summary>
    internal double LogModel(ReadOnlySpan<double> theta, double u, Span<double> logTerm)
    {
        double max = double.NegativeInfinity;
        for (int k = 0; k < _terms; k++)
        {
            logTerm[k] = theta[2 * k] - (theta[(2 * k) + 1] * u);
            max = Math.Max(max, logTerm[k]);
        }

        logTerm[_terms] = theta[2 * _terms];
        max = Math.Max(max, logTerm[_terms]);
        double sum = 0;
        for (int k = 0; k <= _terms; k++)
        {
            sum += Math.Exp(logTerm[k] - max);
        }

        return max + Math.Log(sum);
    }

    /// <summary>
    /// Runs L-BFGS from every start and keeps the lowest objective seen anywhere.
    /// </summary>
    /// <remarks>
    /// The best point is tracked inside the objective because MathNet's L-BFGS throws (line search
    /// failure, iteration limit) instead of returning its last iterate, and near a Huber kink a
    /// perfectly good point often ends in such a throw. A start counts as converged only when the
    /// minimiser returned normally. The objective handed to the minimiser is divided by delta so that
    /// its gradient is O(1) per point: MathNet's relative-gradient test normalises by max(|f|, 1),
    /// which would otherwise stop on a raw Huber objective of order delta times the residuals.
    /// </remarks>
    internal (double[] Theta, double Objective, int Converged) Minimize(IReadOnlyList<double[]> starts)
    {
        var minimizer = new LimitedMemoryBfgsMinimizer(
            gradientTolerance: 1e-10,
            parameterTolerance: 1e-12,
            functionProgressTolerance: 1e-15,
            memory: 10,
            maximumIterations: 2000);
        double bestValue = double.PositiveInfinity;
        double[] bestTheta = starts[0];
        int converged = 0;
        double scale = 1 / _delta;
        foreach (double[] start in starts)
        {
            var objective = ObjectiveFunction.Gradient(v =>
            {
                double[] theta = v.ToArray();
                var gradient = new double[theta.Length];
                double value = Evaluate(theta, gradient);
                if (value < bestValue)
                {
                    bestValue = value;
                    bestTheta = theta;
                }

                return (value * scale, Vector<double>.Build.DenseOfArray(gradient) * scale);
            });
            try
            {
                minimizer.FindMinimum(objective, Vector<double>.Build.DenseOfArray(start));
                converged++;
            }
            catch (OptimizationException)
            {
                // Not converged; the best point it visited is still kept above.
            }
        }

        return (bestTheta, bestValue, converged);
    }
}
