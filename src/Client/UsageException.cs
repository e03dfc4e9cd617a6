namespace ScaleSweep.Client;

/// <summary>
/// A bad command line found after parsing (a value out of range, a missing file, an unknown sweep id).
/// The message is one line that names the option and what it accepts; it is shown as is, followed by
/// "(see '<paramref name="see"/>')", by default the command's --help, with exit code 2.
/// </summary>
/// <param name="message">What is wrong, naming the option or argument.</param>
/// <param name="see">Where to look instead of the command's --help, e.g. "scalesweep list" for a sweep id.</param>
public sealed class UsageException(string message, string? see = null) : Exception(message)
{
    /// <summary>The command to point to instead of the command's --help; null for its --help.</summary>
    public string? See { get; } = see;
}
