namespace ScaleSweep.Numerics.Random;

/// <summary>
/// Named streams of one seed. Each consumer of randomness draws from its own stream so that, for
/// example, the initial matrix A0 is the same whichever sampler or batch size a run uses.
/// </summary>
public enum RandomStream : uint
{
    /// <summary>The initial feature matrix A(0); the stream's "step" is the row index.</summary>
    InitialFeatures = 1,

    /// <summary>The minibatch of SGD step t; the stream's "step" is t.</summary>
    Batch = 2,

    /// <summary>The initial readout w(0) of models that start from a random readout.</summary>
    InitialReadout = 3,

    /// <summary>Row mu of a finite training set (Appendix D); the stream's "step" is mu.</summary>
    Dataset = 4,

    /// <summary>The order in which multi-pass SGD visits a finite training set in epoch e; the stream's "step" is e.</summary>
    Epoch = 5,

    /// <summary>
    /// The initial weights of the MLP on the circle; the stream's "step" is (layer &lt;&lt; 32) | row, so row i of
    /// layer l is the same draw at every width that has it.
    /// </summary>
    MlpInitialWeights = 6,

    /// <summary>Row a of the random first-layer weights W of `spectrum kernel`; the stream's "step" is a.</summary>
    KernelFeatures = 7,
}
