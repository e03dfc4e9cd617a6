namespace ScaleSweep.Client;

/// <summary>The exit codes of every scalesweep command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>An unexpected failure inside the program; the message says what.</summary>
    public const int Failure = 1;

    /// <summary>Bad command line: unknown option, missing or malformed value, value out of range.</summary>
    public const int Usage = 2;

    /// <summary>The command ran but produced nothing to report, e.g. every seed diverged.</summary>
    public const int NoResult = 3;

    /// <summary>The cluster, the gateway or the storage cannot be reached; nothing was changed.</summary>
    public const int Unavailable = 4;

    /// <summary>The sweep ended without a report: cancelled, or failed (the message says why).</summary>
    public const int SweepNotCompleted = 5;

    /// <summary>Interrupted by Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;
}
