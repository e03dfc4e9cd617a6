using ScaleSweep.Numerics.Random;

namespace ScaleSweep.Numerics.Models.FiniteData;

/// <summary>
/// Which samples of a finite training set of P multi-pass SGD step t uses: each epoch visits the set in a
/// fresh random order, without replacement, in floor(P / B) batches of B (the last P mod B samples of the
/// order sit the epoch out, as with PyTorch's drop_last). The order of epoch e is a Fisher-Yates shuffle of
/// 0..P-1 drawn from stream <see cref="RandomStream.Epoch"/> at e, from the identity every time: it is a
/// function of (seed, e) alone, so a run resumed mid-epoch visits exactly what it would have.
/// With B = P every step is the whole set, in index order.
/// </summary>
public sealed class EpochOrder
{
    private readonly ulong _seed;
    private readonly int _p, _batch;
    private readonly long _stepsPerEpoch;
    private readonly int[] _order;
    private long _epoch = -1;

    public EpochOrder(ulong seed, long p, long batch)
    {
        if (p < 1 || p > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "P must be an integer from 1 to the largest array length.");
        }

        if (batch < 1 || batch > p)
        {
            throw new ArgumentOutOfRangeException(nameof(batch), batch, "B must be an integer from 1 to P.");
        }

        _seed = seed;
        _p = (int)p;
        _batch = (int)batch;
        _stepsPerEpoch = p / batch;
        _order = new int[_p];
        for (int i = 0; i < _p; i++)
        {
            _order[i] = i;
        }

        if (_batch == _p)
        {
            _epoch = long.MaxValue;
        }
    }

    /// <summary>True when every step uses the whole set (B = P).</summary>
    public bool IsFullBatch => _batch == _p;

    /// <summary>Steps per pass over the set: floor(P / B).</summary>
    public long StepsPerEpoch => _stepsPerEpoch;

    /// <summary>The indices of the samples of step t (a view into the epoch's order, valid until the next call).</summary>
    public ReadOnlySpan<int> Batch(long t)
    {
        if (IsFullBatch)
        {
            return _order;
        }

        long epoch = t / _stepsPerEpoch;
        if (epoch != _epoch)
        {
            Shuffle(epoch);
        }

        return _order.AsSpan((int)(t % _stepsPerEpoch) * _batch, _batch);
    }

    private void Shuffle(long epoch)
    {
        for (int i = 0; i < _p; i++)
        {
            _order[i] = i;
        }

        var rng = new CounterRng(_seed, RandomStream.Epoch, (ulong)epoch);
        for (int i = _p - 1; i > 0; i--)
        {
            int j = UniformBelow(ref rng, (uint)(i + 1));
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        _epoch = epoch;
    }

    /// <summary>A uniform integer in [0, n), unbiased: Lemire's multiply-shift with rejection of the short tail.</summary>
    internal static int UniformBelow(ref CounterRng rng, uint n)
    {
        ulong product = (rng.NextUInt64() >> 32) * n;
        uint low = (uint)product;
        if (low < n)
        {
            uint threshold = (uint)(-(int)n) % n;
            while (low < threshold)
            {
                product = (rng.NextUInt64() >> 32) * n;
                low = (uint)product;
            }
        }

        return (int)(product >> 32);
    }
}
