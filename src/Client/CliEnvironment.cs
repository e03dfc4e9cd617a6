namespace ScaleSweep.Client;

/// <summary>
/// Where a command writes and what it may assume about those streams. Tests pass string writers
/// (not terminals), so no progress display or colour ever reaches captured output.
/// </summary>
/// <param name="Out">Results: tables, or exactly one JSON document with --json.</param>
/// <param name="Error">Usage errors, warnings and the progress display.</param>
/// <param name="OutIsTerminal">Whether <paramref name="Out"/> is an interactive terminal (colour allowed).</param>
/// <param name="ErrorIsTerminal">Whether <paramref name="Error"/> is an interactive terminal (progress allowed).</param>
/// <param name="HandleTermination">Whether Ctrl+C / SIGTERM cancel the running command (the real process only).</param>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal = false,
    bool ErrorIsTerminal = false,
    bool HandleTermination = false)
{
    /// <summary>The process's own console streams.</summary>
    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        OutIsTerminal: !Console.IsOutputRedirected,
        ErrorIsTerminal: !Console.IsErrorRedirected,
        HandleTermination: true);
}
