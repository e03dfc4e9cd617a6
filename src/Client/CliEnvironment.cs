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
/// <param name="OutColumns">
/// The width tables are laid out for when <paramref name="Out"/> is not a terminal (a terminal's own width is used);
/// null for <see cref="Output.ConsoleFactory.RedirectedWidth"/>.
/// </param>
public sealed record CliEnvironment(
    TextWriter Out,
    TextWriter Error,
    bool OutIsTerminal = false,
    bool ErrorIsTerminal = false,
    bool HandleTermination = false,
    int? OutColumns = null)
{
    /// <summary>The process's own console streams; $COLUMNS, when set, is the width of redirected output.</summary>
    public static CliEnvironment FromConsole() => new(
        Console.Out,
        Console.Error,
        OutIsTerminal: !Console.IsOutputRedirected,
        ErrorIsTerminal: !Console.IsErrorRedirected,
        HandleTermination: true,
        OutColumns: Columns(Environment.GetEnvironmentVariable("COLUMNS")));

    /// <summary>A positive width from $COLUMNS, or null when it is unset or not a positive integer.</summary>
    internal static int? Columns(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int columns) && columns > 0
            ? columns
            : null;
}
