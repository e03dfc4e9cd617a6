namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>
/// The modes the DMFT sums over: representative eigenvalues Lambda_j, target coefficients WStar_j and
/// weights Weight_j, so that every sum over the task's modes, sum_k f(lambda_k, wStar_k), becomes
/// sum_j Weight_j f(Lambda_j, WStar_j). The full set has every weight 1; a quadrature
/// (<see cref="ModeQuadrature"/>) has a few hundred weighted modes standing for many more.
/// </summary>
public sealed class ModeSet
{
    private readonly double[] _lambda;
    private readonly double[] _wStar;
    private readonly double[] _weight;

    internal ModeSet(double[] lambda, double[] wStar, double[] weight, int representedModes, bool isExact)
    {
        _lambda = lambda;
        _wStar = wStar;
        _weight = weight;
        RepresentedModes = representedModes;
        IsExact = isExact;
    }

    /// <summary>Eigenvalues lambda_j of the representative modes.</summary>
    public ReadOnlySpan<double> Lambda => _lambda;

    /// <summary>Target coefficients wStar_j of the representative modes.</summary>
    public ReadOnlySpan<double> WStar => _wStar;

    /// <summary>Quadrature weights (1 for every mode of an exact set).</summary>
    public ReadOnlySpan<double> Weight => _weight;

    /// <summary>Number of representative modes the solvers iterate over.</summary>
    public int Count => _lambda.Length;

    /// <summary>Number of modes M of the task the set stands for.</summary>
    public int RepresentedModes { get; }

    /// <summary>True when the set is the task itself (every mode, weight 1): sums are exact.</summary>
    public bool IsExact { get; }

    /// <summary>L(0) = sum_j Weight_j WStar_j^2 Lambda_j.</summary>
    public double InitialLoss()
    {
        double sum = 0.0;
        for (int j = 0; j < _lambda.Length; j++)
        {
            sum += _weight[j] * _wStar[j] * _wStar[j] * _lambda[j];
        }

        return sum;
    }
}
