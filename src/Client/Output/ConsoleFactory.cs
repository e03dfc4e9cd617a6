using Spectre.Console;

namespace ScaleSweep.Client.Output;

/// <summary>Spectre consoles over the command's own streams, so tests capture everything.</summary>
internal static class ConsoleFactory
{
    /// <summary>A console over <paramref name="writer"/>: colour only on a terminal, never interactive prompts.</summary>
    public static IAnsiConsole For(TextWriter writer, bool isTerminal)
    {
        return AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
    }
}
