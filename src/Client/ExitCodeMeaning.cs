namespace ScaleSweep.Client;

/// <summary>One exit code: its number, a few words for --help, and the README's full meaning.</summary>
public sealed record ExitCodeMeaning(int Code, string Short, string Meaning);
