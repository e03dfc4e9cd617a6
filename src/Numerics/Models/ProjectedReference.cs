using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models;

/// <summary>
/// The projected-SGD model of eq. 4 written literally, as the oracle for <see cref="ProjectedFast"/>:
/// an explicit A in R^{N x M} and a fresh batch Psi in R^{B x M} every step.
/// <code>
/// v0 = WStar - A^T w / N
/// w &lt;- w + eta A v2,               v2 = Psi^T Psi v0 / B   (Lambda v0 when B is infinite)
/// A &lt;- A + eta gamma w v2^T (A0^T A0 / N)
/// </code>
/// Both updates use the old w, A and v0.
/// </summary>
public sealed class ProjectedReference : SimulationBase
{
    private readonly LiteralState _state;
    private readonly double[] _sqrtLambda, _v2, _row;

    public ProjectedReference(SimulationConfig config) : base(config)
    {
        var spectrum = config.BuildSpectrum();
        _state = new LiteralState(config, spectrum);
        _sqrtLambda = new double[spectrum.M];
        TensorPrimitives.Sqrt(spectrum.Lambda, _sqrtLambda);
        _v2 = new double[spectrum.M];
        _row = new double[spectrum.M];
        Start();
    }

    protected override double ComputeLoss() => _state.Loss();

    protected override void Update(long t)
    {
        BatchGradient.Draw(Config, t, _sqrtLambda, _state.LambdaV0, _state.V0, Loss, _row, _v2);
        _state.Apply(_v2, Config.Eta, Config.Gamma);
    }

    protected override void WriteState(BinaryWriter writer) => _state.Write(writer);

    protected override void ReadState(BinaryReader reader) => _state.Read(reader);
}
