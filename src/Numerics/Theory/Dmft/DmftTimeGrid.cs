namespace ScaleSweep.Numerics.Theory.Dmft;

/// <summary>Time grid of the N, B -&gt; infinity DMFT (<see cref="DmftOptions.TimeGrid"/>).</summary>
public enum DmftTimeGrid
{
    /// <summary>Geometric when gamma &gt; 0, T exceeds the uniform stretch and eta lambda_max &lt; 1, else uniform.</summary>
    Auto,

    /// <summary>Every SGD step 0..T (<see cref="InfiniteWidthDmft"/>, the reference; cost ~ modes T^2).</summary>
    Uniform,

    /// <summary>Exact SGD steps to t0, then the gradient flow on a geometric grid (<see cref="GradientFlowDmft"/>; cost ~ modes^2 (t0 + p log10 T)).</summary>
    Geometric,
}
