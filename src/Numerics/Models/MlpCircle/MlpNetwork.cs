using ScaleSweep.Numerics.LinearAlgebra;
using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.MlpCircle;

/// <summary>
/// An MLP with L hidden layers of width N on x = [cos theta, sin theta], without biases, in the mean-field
/// layout: h^1 = W^0 x, h^(l+1) = W^l phi(h^l) / sqrt(N) for l = 1..L-1, readout r = w . phi(h^L), every
/// weight N(0, 1) at initialisation (|x| = 1, so h^1_i ~ N(0, 1) at every theta). The output scale
/// 1/(gamma_0 N) and the centring belong to <see cref="MlpCircleSimulation"/>; this type only computes r and
/// the gradient of sum_b g_b r_b for given g_b, by hand, into preallocated buffers.
/// <para>
/// Layers are numbered 0..L: 0 is the N x 2 input matrix, 1..L-1 the N x N hidden matrices, L the readout
/// vector w. Matrices are row-major (row = output unit). Products use <see cref="DeterministicBlas"/>, whose
/// reduction order is fixed in code, so a pass gives the same bits on every machine.
/// </para>
/// </summary>
public sealed class MlpNetwork
{
    private readonly int _n, _depth, _capacity;
    private readonly double _hiddenScale;
    private readonly ReluPower _activation;
    private readonly double[][] _weights, _gradients;
    private readonly double[][] _pre, _post, _slope; // [l - 1] for hidden layer l = 1..L, capacity x N each
    private readonly double[] _inputs; // capacity x 2
    private readonly double[] _signal, _signalBelow; // capacity x N: dLoss/dh of the current layer and the one below
    private int _count;
    private bool _slopesCurrent; // whether the last forward pass kept phi' (Backward needs it)

    /// <summary>A network with the initial weights of <paramref name="seed"/>, for batches of up to <paramref name="capacity"/> inputs.</summary>
    public MlpNetwork(int width, int depth, double qPhi, ulong seed, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _n = width;
        _depth = depth;
        _capacity = capacity;
        _hiddenScale = 1.0 / Math.Sqrt(width);
        _activation = new ReluPower(qPhi);
        _weights = new double[depth + 1][];
        _gradients = new double[depth + 1][];
        for (int l = 0; l <= depth; l++)
        {
            int rows = l == depth ? 1 : width;
            int columns = l == 0 ? 2 : width;
            _weights[l] = new double[rows * columns];
            _gradients[l] = new double[rows * columns];
            for (int i = 0; i < rows; i++)
            {
                var rng = new CounterRng(seed, RandomStream.MlpInitialWeights, ((ulong)l << 32) | (uint)i);
                rng.FillGaussian(_weights[l].AsSpan(i * columns, columns));
            }
        }

        _pre = new double[depth][];
        _post = new double[depth][];
        _slope = new double[depth][];
        for (int l = 0; l < depth; l++)
        {
            _pre[l] = new double[capacity * width];
            _post[l] = new double[capacity * width];
            _slope[l] = new double[capacity * width];
        }

        _inputs = new double[capacity * 2];
        _signal = new double[capacity * width];
        _signalBelow = new double[capacity * width];
    }

    public int Width => _n;

    public int Depth => _depth;

    /// <summary>Largest batch a pass takes.</summary>
    public int Capacity => _capacity;

    /// <summary>Number of weight tensors, L + 1.</summary>
    public int LayerCount => _depth + 1;

    /// <summary>The weights of layer <paramref name="layer"/> (0 = input, L = readout), row-major.</summary>
    public Span<double> Weights(int layer) => _weights[layer];

    /// <summary>The gradient of layer <paramref name="layer"/> from the last <see cref="Backward"/>.</summary>
    public ReadOnlySpan<double> Gradient(int layer) => _gradients[layer];

    /// <summary>phi(h^l) of input b of the last forward pass, for hidden layer l = 1..L.</summary>
    public ReadOnlySpan<double> Features(int layer, int b) => _post[layer - 1].AsSpan(b * _n, _n);

    /// <summary>
    /// The readout r_b = w . phi(h^L(theta_b)) of <paramref name="count"/> inputs. With
    /// <paramref name="forTraining"/> it also keeps phi' for <see cref="Backward"/>; without, it skips it.
    /// </summary>
    public void Forward(ReadOnlySpan<double> cos, ReadOnlySpan<double> sin, int count, Span<double> readout, bool forTraining)
    {
        if (count < 1 || count > _capacity || cos.Length < count || sin.Length < count || readout.Length < count)
        {
            throw new ArgumentException($"A pass of {count} inputs does not fit a network of capacity {_capacity} or the given spans.");
        }

        _count = count;
        _slopesCurrent = forTraining;
        int n = _n;
        double[] w0 = _weights[0];
        double[] h1 = _pre[0];
        for (int b = 0; b < count; b++)
        {
            _inputs[2 * b] = cos[b];
            _inputs[2 * b + 1] = sin[b];
            for (int i = 0; i < n; i++)
            {
                h1[b * n + i] = w0[2 * i] * cos[b] + w0[2 * i + 1] * sin[b];
            }
        }

        Activate(0, count, forTraining);
        for (int l = 1; l < _depth; l++)
        {
            double[] matrix = _weights[l], below = _post[l - 1], above = _pre[l];
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<double> row = matrix.AsSpan(i * n, n);
                for (int b = 0; b < count; b++)
                {
                    above[b * n + i] = DeterministicBlas.Dot(row, below.AsSpan(b * n, n)) * _hiddenScale;
                }
            }

            Activate(l, count, forTraining);
        }

        double[] readoutWeights = _weights[_depth], last = _post[_depth - 1];
        for (int b = 0; b < count; b++)
        {
            readout[b] = DeterministicBlas.Dot(readoutWeights, last.AsSpan(b * n, n));
        }
    }

    /// <summary>
    /// The gradient of sum_b g_b r_b with respect to every weight, for the inputs of the last forward pass
    /// (which must have been <c>forTraining</c>), into <see cref="Gradient"/>. With g_b = dLoss/dr_b this is
    /// dLoss/dweights: the chain rule written out, u^L_b = g_b w * phi'(h^L_b),
    /// u^l_b = phi'(h^l_b) * (W^l)^T u^(l+1)_b / sqrt(N), dW^l = sum_b u^(l+1)_b phi(h^l_b)^T / sqrt(N),
    /// dW^0 = sum_b u^1_b x_b^T, dw = sum_b g_b phi(h^L_b).
    /// </summary>
    public void Backward(ReadOnlySpan<double> outputGradient)
    {
        int n = _n, count = _count;
        if (!_slopesCurrent)
        {
            throw new InvalidOperationException("Backward needs a forward pass with forTraining: true just before it.");
        }

        if (outputGradient.Length < count)
        {
            throw new ArgumentException($"Backward needs {count} output gradients.");
        }

        double[] readoutWeights = _weights[_depth], readoutGradient = _gradients[_depth];
        double[] last = _post[_depth - 1], lastSlope = _slope[_depth - 1];
        Array.Clear(readoutGradient);
        for (int b = 0; b < count; b++)
        {
            double g = outputGradient[b];
            DeterministicBlas.Axpy(g, last.AsSpan(b * n, n), readoutGradient);
            Span<double> u = _signal.AsSpan(b * n, n);
            for (int i = 0; i < n; i++)
            {
                u[i] = g * readoutWeights[i] * lastSlope[i + b * n];
            }
        }

        double[] signal = _signal, below = _signalBelow;
        for (int l = _depth - 1; l >= 1; l--)
        {
            HiddenLayerBackward(l, signal, below, count);
            (signal, below) = (below, signal);
        }

        // Input layer: dW^0_i = sum_b u^1_(b,i) x_b.
        double[] inputGradient = _gradients[0];
        Array.Clear(inputGradient);
        for (int b = 0; b < count; b++)
        {
            double c = _inputs[2 * b], s = _inputs[2 * b + 1];
            for (int i = 0; i < n; i++)
            {
                double u = signal[b * n + i];
                inputGradient[2 * i] += u * c;
                inputGradient[2 * i + 1] += u * s;
            }
        }
    }

    /// <summary>weights -= rate * gradient, every layer.</summary>
    public void Descend(double rate)
    {
        for (int l = 0; l <= _depth; l++)
        {
            DeterministicBlas.Axpy(-rate, _gradients[l], _weights[l]);
        }
    }

    /// <summary>
    /// Hidden matrix W^l (from phi(h^l) to h^(l+1)): its gradient from u^(l+1) in <paramref name="signal"/>,
    /// and u^l into <paramref name="below"/>, both with the old W^l. A zero u (phi' = 0, half the units of a
    /// ReLU) is skipped, which leaves the sums unchanged.
    /// </summary>
    private void HiddenLayerBackward(int l, double[] signal, double[] below, int count)
    {
        int n = _n;
        double[] matrix = _weights[l], gradient = _gradients[l], features = _post[l - 1], slope = _slope[l - 1];
        Array.Clear(gradient);
        Array.Clear(below, 0, count * n);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<double> row = matrix.AsSpan(i * n, n);
            Span<double> gradientRow = gradient.AsSpan(i * n, n);
            for (int b = 0; b < count; b++)
            {
                double u = signal[b * n + i];
                if (u != 0.0)
                {
                    double scaled = u * _hiddenScale;
                    DeterministicBlas.Axpy(scaled, features.AsSpan(b * n, n), gradientRow);
                    DeterministicBlas.Axpy(scaled, row, below.AsSpan(b * n, n));
                }
            }
        }

        for (int k = 0; k < count * n; k++)
        {
            below[k] *= slope[k];
        }
    }

    private void Activate(int hidden, int count, bool withSlope)
    {
        int length = count * _n;
        if (withSlope)
        {
            _activation.Apply(_pre[hidden].AsSpan(0, length), _post[hidden].AsSpan(0, length), _slope[hidden].AsSpan(0, length));
        }
        else
        {
            _activation.Apply(_pre[hidden].AsSpan(0, length), _post[hidden].AsSpan(0, length));
        }
    }
}
