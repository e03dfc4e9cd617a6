using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// The MLP on the circle of Section 5.1 (Fig. 5, 7), trained by online SGD on fresh theta ~ U[0, 2 pi) every
/// step, in the centred mean-field / muP parameterisation (docs/mlp-circle.md derives it):
/// f(theta) = (r(theta) - r_0(theta)) / (gamma_0 N), r the readout of <see cref="MlpNetwork"/> and r_0 that of
/// the same network frozen at initialisation, and every weight descends the batch loss
/// (1/2B) sum_b (f_b - y_b)^2 at rate eta gamma_0^2 N. Then the function-space kernel at initialisation does
/// not depend on gamma_0 or N, features move by O(gamma_0) (gamma_0 -&gt; 0 is the lazy, NTK limit), and f = 0
/// at initialisation, so L(0) is the target's power sum_{k&lt;=K} k^-2q / 2. The same convention as
/// <see cref="LinearNetwork"/>.
/// <para>
/// The test loss mean_theta (f - y)^2 is the mean over a <see cref="CircleQuadrature"/> grid, computed at
/// recorded steps only (it costs Q/B forward passes); between them the loss is the last batch's, for the
/// divergence check. theta_b of step t is drawn from stream <see cref="RandomStream.Batch"/> at step t, the
/// weights from <see cref="RandomStream.MlpInitialWeights"/>, so a run is a function of its configuration
/// whatever its chunking or restores. A step costs O(B N^2 (L - 1) + B N + B K).
/// </para>
/// </summary>
public sealed class MlpCircleSimulation : SimulationBase
{
    /// <summary>Fewest inputs a pass holds: the grid is evaluated in passes of max(B, 64) through the batch buffers.</summary>
    private const int MinCapacity = 64;

    private readonly int _batch;
    private readonly double _outputScale, _rate;
    private readonly MlpNetwork _network, _initial;
    private readonly CircleTarget _target;
    private readonly CircleQuadrature _grid;
    private readonly double[] _gridInitialReadout, _gridReadout;
    private readonly double[] _cos, _sin, _y, _readout, _initialReadout, _outputGradient;
    private double _batchLoss;

    public MlpCircleSimulation(SimulationConfig config) : base(config)
    {
        MlpCircleSettings settings = config.Mlp
            ?? throw new ArgumentException("model 'mlp-circle' needs its settings (q, qPhi, depth, K).");
        _batch = checked((int)(config.Batch ?? throw new ArgumentException("B = inf is out of range for model 'mlp-circle'.")));
        int n = config.N;
        double gamma0 = config.Gamma;
        _outputScale = 1.0 / (gamma0 * n);
        _rate = config.Eta * gamma0 * gamma0 * n;

        int capacity = Math.Max(_batch, MinCapacity);
        _network = new MlpNetwork(n, settings.Depth, settings.QPhi, config.Seed, capacity);
        _initial = new MlpNetwork(n, settings.Depth, settings.QPhi, config.Seed, capacity);
        _target = new CircleTarget(settings.Q, settings.Harmonics);
        _grid = new CircleQuadrature(_target, settings.QuadraturePoints);
        _gridInitialReadout = new double[_grid.Points];
        _gridReadout = new double[_grid.Points];
        ReadoutOnGrid(_initial, _gridInitialReadout);

        _cos = new double[_batch];
        _sin = new double[_batch];
        _y = new double[_batch];
        _readout = new double[_batch];
        _initialReadout = new double[_batch];
        _outputGradient = new double[_batch];
        Start();
    }

    /// <summary>The trained network (tests read its weights, gradients and features).</summary>
    internal MlpNetwork Network => _network;

    /// <summary>The network frozen at initialisation, whose output the model subtracts.</summary>
    internal MlpNetwork InitialNetwork => _initial;

    /// <summary>The grid the test loss is taken on.</summary>
    public CircleQuadrature Grid => _grid;

    /// <summary>The truncated target of eq. 13.</summary>
    public CircleTarget Target => _target;

    protected override bool ExactLossOnlyWhenRecorded => true;

    protected override double EstimateLoss() => _batchLoss;

    /// <summary>mean_j (f(theta_j) - y(theta_j))^2 over the quadrature grid, summed in grid order.</summary>
    protected override double ComputeLoss()
    {
        ReadoutOnGrid(_network, _gridReadout);
        ReadOnlySpan<double> y = _grid.Target;
        double sum = 0;
        for (int j = 0; j < _gridReadout.Length; j++)
        {
            double e = (_gridReadout[j] - _gridInitialReadout[j]) * _outputScale - y[j];
            sum += e * e;
        }

        return sum / _gridReadout.Length;
    }

    /// <summary>f on the quadrature grid, into <paramref name="output"/> (length Q), for tests and diagnostics.</summary>
    public void OutputOnGrid(Span<double> output)
    {
        ReadoutOnGrid(_network, _gridReadout);
        for (int j = 0; j < _gridReadout.Length; j++)
        {
            output[j] = (_gridReadout[j] - _gridInitialReadout[j]) * _outputScale;
        }
    }

    protected override void Update(long t)
    {
        var rng = new CounterRng(Config.Seed, RandomStream.Batch, (ulong)t);
        for (int b = 0; b < _batch; b++)
        {
            (_sin[b], _cos[b]) = DeterministicMath.SinCosTurns(rng.NextOpenUniform());
            _y[b] = _target.Evaluate(_cos[b], _sin[b]);
        }

        _network.Forward(_cos, _sin, _batch, _readout, forTraining: true);
        _initial.Forward(_cos, _sin, _batch, _initialReadout, forTraining: false);

        // Loss (1/2B) sum_b e_b^2 with e_b = f_b - y_b; dLoss/dr_b = e_b / (B gamma_0 N).
        double sum = 0;
        for (int b = 0; b < _batch; b++)
        {
            double e = (_readout[b] - _initialReadout[b]) * _outputScale - _y[b];
            sum += e * e;
            _outputGradient[b] = e * _outputScale / _batch;
        }

        _batchLoss = sum / _batch;
        _network.Backward(_outputGradient);
        _network.Descend(_rate);
    }

    protected override void WriteState(BinaryWriter writer)
    {
        for (int l = 0; l < _network.LayerCount; l++)
        {
            SnapshotFormat.WriteArray(writer, _network.Weights(l));
        }
    }

    protected override void ReadState(BinaryReader reader)
    {
        for (int l = 0; l < _network.LayerCount; l++)
        {
            SnapshotFormat.ReadArray(reader, _network.Weights(l));
        }
    }

    private void ReadoutOnGrid(MlpNetwork network, Span<double> readout)
    {
        int points = _grid.Points, chunk = network.Capacity;
        for (int start = 0; start < points; start += chunk)
        {
            int count = Math.Min(chunk, points - start);
            network.Forward(_grid.Cos.Slice(start, count), _grid.Sin.Slice(start, count), count, readout.Slice(start, count), forTraining: false);
        }
    }
}
