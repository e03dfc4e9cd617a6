namespace ScaleSweep.Client;

/// <summary>One exit code: its number, a few words for --help, and its full meaning as docs/cli.md states it.</summary>
public sealed record ExitCodeMeaning(int Code, string Short, string Meaning);
