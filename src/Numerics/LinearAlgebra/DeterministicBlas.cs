using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace ScaleSweep.Numerics.LinearAlgebra;

/// <summary>
/// The few dense kernels the simulations need, with a summation order fixed by the code rather
/// than by the machine. TensorPrimitives.Dot picks Vector512, Vector256 or Vector128 from the
/// hardware, which changes the order of a reduction and so its last bits; a run must be
/// bit-identical on every machine. Reductions here always use four Vector256 accumulators (the
/// runtime emulates Vector256 exactly where the hardware lacks it) and never fuse multiply-add.
/// Element-wise operations have no order to fix and use TensorPrimitives' non-fused primitives.
/// Matrices are row-major spans.
/// </summary>
public static class DeterministicBlas
{
    /// <summary>x . y with a fixed reduction order.</summary>
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException("Dot: spans differ in length.");
        }

        int n = x.Length;
        ref double px = ref MemoryMarshal.GetReference(x);
        ref double py = ref MemoryMarshal.GetReference(y);
        Vector256<double> a0 = Vector256<double>.Zero, a1 = a0, a2 = a0, a3 = a0;
        int i = 0;
        for (; i <= n - 16; i += 16)
        {
            a0 += Vector256.LoadUnsafe(ref px, (nuint)i) * Vector256.LoadUnsafe(ref py, (nuint)i);
            a1 += Vector256.LoadUnsafe(ref px, (nuint)(i + 4)) * Vector256.LoadUnsafe(ref py, (nuint)(i + 4));
            a2 += Vector256.LoadUnsafe(ref px, (nuint)(i + 8)) * Vector256.LoadUnsafe(ref py, (nuint)(i + 8));
            a3 += Vector256.LoadUnsafe(ref px, (nuint)(i + 12)) * Vector256.LoadUnsafe(ref py, (nuint)(i + 12));
        }

        for (; i <= n - 4; i += 4)
        {
            a0 += Vector256.LoadUnsafe(ref px, (nuint)i) * Vector256.LoadUnsafe(ref py, (nuint)i);
        }

        Vector256<double> acc = (a0 + a1) + (a2 + a3);
        double sum = (acc.GetElement(0) + acc.GetElement(1)) + (acc.GetElement(2) + acc.GetElement(3));
        for (; i < n; i++)
        {
            sum += Unsafe.Add(ref px, i) * Unsafe.Add(ref py, i);
        }

        return sum;
    }

    /// <summary>y += a x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y) =>
        TensorPrimitives.MultiplyAdd(x, a, y, y);

    /// <summary>y = A x for a rows x cols matrix A.</summary>
    public static void Gemv(ReadOnlySpan<double> a, int rows, int cols, ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShape(a, rows, cols, x.Length == cols && y.Length >= rows);
        for (int i = 0; i < rows; i++)
        {
            y[i] = Dot(a.Slice(i * cols, cols), x);
        }
    }

    /// <summary>y = A^T x for a rows x cols matrix A, accumulated row by row in order.</summary>
    public static void GemvTransposed(ReadOnlySpan<double> a, int rows, int cols, ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShape(a, rows, cols, x.Length == rows && y.Length >= cols);
        Span<double> target = y.Slice(0, cols);
        target.Clear();
        for (int i = 0; i < rows; i++)
        {
            double xi = x[i];
            if (xi != 0.0)
            {
                Axpy(xi, a.Slice(i * cols, cols), target);
            }
        }
    }

    /// <summary>A += s x y^T for a rows x cols matrix A (row i gets (s x_i) y).</summary>
    public static void Rank1Update(Span<double> a, int rows, int cols, double s, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        CheckShape(a, rows, cols, x.Length == rows && y.Length == cols);
        for (int i = 0; i < rows; i++)
        {
            double coefficient = s * x[i];
            if (coefficient != 0.0)
            {
                Axpy(coefficient, y, a.Slice(i * cols, cols));
            }
        }
    }

    private static void CheckShape(ReadOnlySpan<double> a, int rows, int cols, bool vectorsFit)
    {
        if (rows < 0 || cols < 0 || a.Length < (long)rows * cols || !vectorsFit)
        {
            throw new ArgumentException($"Matrix of {rows} x {cols} does not fit the given spans.");
        }
    }
}
