namespace ScaleSweep.Numerics.Spectra;

/// <summary>A task or spectrum that cannot be used; the message names the field and its allowed range.</summary>
public sealed class SpectrumException(string message) : ArgumentException(message);
