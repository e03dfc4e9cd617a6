namespace ScaleSweep.Client;

/// <summary>
/// The exit codes of every scalesweep command, one table for all of them. <see cref="All"/> holds their
/// meanings: every command's --help states them from it, and a test holds the table in docs/cli.md to it.
/// </summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure inside the program; the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line or spec (unknown option, malformed value, value out of range, missing file), or an unknown sweep id.</summary>
    public const int Usage = 2;

    /// <summary>The command ran but produced nothing to report, e.g. every seed diverged.</summary>
    public const int NoResult = 3;

    /// <summary>The cluster, the gateway or the storage cannot be reached; nothing was changed.</summary>
    public const int Unavailable = 4;

    /// <summary>The sweep has no report: cancelled or failed (the message says why), or still running.</summary>
    public const int SweepNotCompleted = 5;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Every exit code in order, with what it means (in the words of docs/cli.md) and a short form for --help.</summary>
    public static IReadOnlyList<ExitCodeMeaning> All { get; } =
    [
        new(Success, "done", "done (some runs may have diverged: they are reported and left out of the fits)"),
        new(Failure, "internal error", "unexpected internal error (one line on stderr)"),
        new(Usage, "bad arguments, spec or sweep id",
            "bad arguments or spec: unknown option or field, malformed value, value out of range, missing or unreadable file; unknown sweep id"),
        new(NoResult, "no result (everything diverged)", "no result: every seed (`simulate`) or every run (`run`) diverged"),
        new(Unavailable, "cluster or storage unreachable", "the gateway, the embedded silo or Azurite cannot be reached or started"),
        new(SweepNotCompleted, "the sweep has no report (cancelled, failed or still running)",
            "the sweep has no report: it was cancelled or failed (the message says why), or, for `results` and `plot`, it is still running"),
        new(Cancelled, "interrupted", "interrupted (Ctrl+C or SIGTERM); an embedded sweep resumes on the next `run`"),
    ];

    /// <summary>"Exit codes: 0 done; 1 internal error; ..." — the sentence that ends every command's --help description.</summary>
    public static string HelpSentence { get; } =
        "Exit codes: " + string.Join("; ", All.Select(c => $"{c.Code} {c.Short}")) + ".";
}
