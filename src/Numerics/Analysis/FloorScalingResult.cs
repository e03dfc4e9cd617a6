namespace ScaleSweep.Numerics.Analysis;

/// <summary>The exact model-size floor over widths (see <see cref="FloorScaling"/>).</summary>
/// <param name="Widths">Widths N, in the order given.</param>
/// <param name="SeedFloors">SeedFloors[i][s]: the floor of seed s at width Widths[i].</param>
/// <param name="Mean">Seed mean of the floor at each width.</param>
/// <param name="Sem">Standard error of that mean (NaN with one seed).</param>
/// <param name="Fit">The fitted exponent x of L_inf ~ N^-x with its seed-bootstrap interval; null with fewer than two widths, a repeated width or a floor of zero.</param>
/// <param name="PaperExponent">alpha min(2, beta), the model bottleneck of eq. 12 and 76.</param>
/// <param name="MeasuredExponent">alpha min(1, beta), what the exact floor follows (equal to eq. 12 for beta &lt;= 1).</param>
public sealed record FloorScalingResult(
    IReadOnlyList<int> Widths,
    IReadOnlyList<double[]> SeedFloors,
    IReadOnlyList<double> Mean,
    IReadOnlyList<double> Sem,
    BottleneckFitResult? Fit,
    double PaperExponent,
    double MeasuredExponent);
