namespace ScaleSweep.Client;

/// <summary>
/// A bad command line found after parsing (a value out of range, a missing file). The message is
/// one line that names the option and what it accepts; it is shown as is, with exit code 2.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
