namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// A data set of n samples: inputs x_i in R^d (row-major, <see cref="Inputs"/>[i d + j] = x_ij) and scalar
/// targets y_i. Read from CSV by <see cref="DataSetCsv"/>.
/// </summary>
public sealed record DataSet(double[] Inputs, double[] Targets, int Dimension)
{
    /// <summary>Number of samples n.</summary>
    public int Count => Targets.Length;
}
