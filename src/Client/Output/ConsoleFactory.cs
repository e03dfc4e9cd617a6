using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>Spectre consoles over the command's own streams, so tests capture everything.</summary>
internal static class ConsoleFactory
{
    /// <summary>A console over the command's results stream, at the width <paramref name="environment"/> gives it.</summary>
    public static IAnsiConsole ForOut(CliEnvironment environment) =>
        For(environment.Out, environment.OutIsTerminal, environment.OutColumns);

    /// <summary>A console over <paramref name="writer"/>: colour only on a terminal, never interactive prompts.</summary>
    /// <remarks>
    /// A terminal's width is its own. Files and pipes get <paramref name="columns"/>, or <see cref="RedirectedWidth"/>:
    /// a fixed width, so the same command writes the same file wherever it runs.
    /// </remarks>
    public static IAnsiConsole For(TextWriter writer, bool isTerminal, int? columns = null)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!isTerminal)
        {
            console.Profile.Width = columns ?? RedirectedWidth;
        }

        return console;
    }

    /// <summary>Width assumed for files and pipes without $COLUMNS: a default terminal's, which every table fits.</summary>
    public const int RedirectedWidth = 80;
}
