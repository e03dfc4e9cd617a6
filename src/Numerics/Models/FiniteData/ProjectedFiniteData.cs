using System.Numerics.Tensors;
using ScaleSweep.Numerics.LinearAlgebra;

namespace ScaleSweep.Numerics.Models.FiniteData;

/// <summary>
/// The projected model trained on a finite set of P samples (Appendix D, eq. 32 with step eta), exact, at a cost
/// per step that does not depend on M:
/// <code>
/// v0 = WStar - A^T w / N,   r = Psi_S^T Psi_S v0 / B   (S: the step's batch of the training set)
/// w &lt;- w + eta A r,          A &lt;- A + eta gamma w r^T (A0^T A0 / N)      (old w, A, v0 on the right)
/// test loss v0^T Lambda v0,  train loss |Psi v0|^2 / P
/// </code>
/// As in <see cref="ProjectedFast"/>, A = Bmat A0 with Bmat in R^{N x N}, u = Bmat^T w, and the updates need
/// only g = A0 r. On the training set seen through A0 (<see cref="ProjectedTrainingSet"/>: features z_mu = A0
/// psi_mu and labels y_mu) the residual of sample mu is e_mu = y_mu - z_mu . u / N and g = (1/B) sum_{mu in S}
/// e_mu z_mu. With B = P (full-batch gradient descent) and P &gt;= N this is g = h - G u / N with the Gram
/// matrix G = Z^T Z / P and h = Z^T y / P, formed once. The batches of multi-pass SGD (B &lt; P) follow
/// <see cref="EpochOrder"/>.
/// <para>
/// Cost: once, O(N^2 M) for K and b (as online) and O(P N^2) to draw the set and form G; per step O(N^2) for
/// full-batch gradient descent with P &gt;= N, O(B N + N^2) otherwise (O(B N) when gamma = 0); the train loss
/// O(P N) at each recorded step only. The literal model, <see cref="ProjectedFiniteDataReference"/>, costs
/// O(B M + N M) a step.
/// </para>
/// </summary>
public sealed class ProjectedFiniteData : SimulationBase
{
    private readonly int _n, _p;
    private readonly double[] _z, _y;
    private readonly double[]? _gram, _h;
    private readonly EpochOrder _order;
    private readonly double[] _g;
    private readonly ProjectedState _state;

    public ProjectedFiniteData(SimulationConfig config) : this(config, ProjectedTrainingSet.Draw(config))
    {
    }

    /// <summary>Trains on a given training set (as seen through A0); the tests pass one formed from an explicit Psi.</summary>
    internal ProjectedFiniteData(SimulationConfig config, ProjectedTrainingSet set) : base(config)
    {
        ArgumentNullException.ThrowIfNull(set);
        _n = config.N;
        _p = checked((int)config.P!.Value);
        _z = set.Features;
        _y = set.Labels;
        _order = new EpochOrder(config.Seed, _p, config.Batch!.Value);
        if (_order.IsFullBatch && _p >= _n)
        {
            _gram = new double[_n * _n];
            _h = new double[_n];
            for (int mu = 0; mu < _p; mu++)
            {
                ReadOnlySpan<double> z = _z.AsSpan(mu * _n, _n);
                DeterministicBlas.Rank1Update(_gram, _n, _n, 1.0, z, z);
                DeterministicBlas.Axpy(_y[mu], z, _h);
            }

            TensorPrimitives.Multiply(_gram, 1.0 / _p, _gram);
            TensorPrimitives.Multiply(_h, 1.0 / _p, _h);
        }

        _g = new double[_n];
        _state = new ProjectedState(_n, config.Gamma, set.K, set.B, set.S);
        Start();
    }

    protected override bool TracksTrainLoss => true;

    protected override double ComputeLoss() => _state.TestLoss();

    /// <summary>Sum of the squared residuals over the set, directly (no expanded form: a train loss driven to 0 stays accurate).</summary>
    protected override double ComputeTrainLoss()
    {
        double sum = 0.0;
        for (int mu = 0; mu < _p; mu++)
        {
            double e = _y[mu] - DeterministicBlas.Dot(_z.AsSpan(mu * _n, _n), _state.U) / _n;
            sum += e * e;
        }

        return sum / _p;
    }

    protected override void Update(long t)
    {
        if (_gram is not null)
        {
            // g = h - G u / N.
            DeterministicBlas.Gemv(_gram, _n, _n, _state.U, _g);
            TensorPrimitives.Multiply(_g, -1.0 / _n, _g);
            TensorPrimitives.Add(_g, _h!, _g);
        }
        else
        {
            ReadOnlySpan<int> batch = _order.Batch(t);
            Array.Clear(_g);
            foreach (int mu in batch)
            {
                ReadOnlySpan<double> z = _z.AsSpan(mu * _n, _n);
                double e = _y[mu] - DeterministicBlas.Dot(z, _state.U) / _n;
                DeterministicBlas.Axpy(e, z, _g);
            }

            TensorPrimitives.Multiply(_g, 1.0 / batch.Length, _g);
        }

        _state.Apply(_g, Config.Eta, Config.Gamma);
    }

    protected override void WriteState(BinaryWriter writer) => _state.Write(writer);

    protected override void ReadState(BinaryReader reader) => _state.Read(reader);
}
