using System.CommandLine;
using System.CommandLine.Parsing;
using ScaleSweep.Client.Options;

namespace ScaleSweep.Client;

/// <summary>Turns parse errors and usage exceptions into the one line a user sees.</summary>
internal static class UsageErrors
{
    /// <summary>"scalesweep simulate: &lt;first error&gt; (see 'scalesweep simulate --help')".</summary>
    public static string Describe(ParseResult parseResult) =>
        Line(CommandPath(parseResult.CommandResult), Message(Best(parseResult)));

    /// <summary>
    /// The one line of every usage error: "&lt;command path&gt;: &lt;message&gt; (see '&lt;command path&gt; --help')",
    /// or (see '<paramref name="see"/>') where that helps more.
    /// </summary>
    public static string Line(string path, string message, string? see = null) =>
        $"{path}: {ScaleSweepCli.OneLine(message)} (see '{see ?? path + " --help"}')";

    /// <summary>
    /// The most useful error: one about a given option's value first, then an unknown word, then
    /// the rest (such as "Required command was not provided").
    /// </summary>
    private static ParseError Best(ParseResult parseResult)
    {
        IReadOnlyList<ParseError> errors = parseResult.Errors;
        return errors.FirstOrDefault(e => e.SymbolResult is OptionResult or ArgumentResult)
            ?? errors.FirstOrDefault(e => parseResult.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            ?? errors[0];
    }

    /// <summary>
    /// Our parsers' messages already start with the option's name; the parser's own ones (missing
    /// value, given twice) name it too and get what the option accepts appended.
    /// </summary>
    private static string Message(ParseError error)
    {
        Option? option = error.SymbolResult switch
        {
            OptionResult o => o.Option,
            ArgumentResult { Parent: OptionResult o } => o.Option,
            _ => null,
        };
        if (option is null || error.Message.StartsWith(option.Name + ":", StringComparison.Ordinal))
        {
            return error.Message;
        }

        string message = error.Message.Contains($"'{option.Name}'", StringComparison.Ordinal)
            ? error.Message
            : $"{option.Name}: {error.Message}";
        string? range = OptionFactory.RangeOf(option);
        return range is null ? message : $"{message} {range}";
    }

    /// <summary>The line for an error found after parsing.</summary>
    public static string Describe(ParseResult parseResult, UsageException error) =>
        Line(CommandPath(parseResult.CommandResult), error.Message, error.See);

    /// <summary>"scalesweep" followed by the subcommand names down to the parsed command.</summary>
    public static string CommandPath(CommandResult? result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult { Command: not RootCommand } command)
            {
                names.Add(command.Command.Name);
            }
        }

        names.Add(ScaleSweepCli.Name);
        names.Reverse();
        return string.Join(' ', names);
    }
}
