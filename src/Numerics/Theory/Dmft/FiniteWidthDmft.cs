namespace ScaleSweep.Numerics.Theory.Dmft;

public static class FiniteWidthDmft
{
    public static DmftCurve Solve(ModeSet modes, double gamma, double eta, double n, double batch, long steps, DmftOptions options)
        => throw new NotImplementedException();
}
