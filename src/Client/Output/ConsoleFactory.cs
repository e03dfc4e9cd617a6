using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>Spectre consoles over the command's own streams, so tests capture everything.</summary>
internal static class ConsoleFactory
{
    /// <summary>A console over <paramref name="writer"/>: colour only on a terminal, never interactive prompts.</summary>
    /// <remarks>Redirected output is not wrapped at 80 columns: tables keep one line per row in files and pipes.</remarks>
    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
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
            console.Profile.Width = RedirectedWidth;
        }

        return console;
    }

    /// <summary>Width assumed for files and pipes.</summary>
    public const int RedirectedWidth = 200;
}
