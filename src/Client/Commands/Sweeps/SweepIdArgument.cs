using System.CommandLine;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>The ID argument of the commands that act on one sweep.</summary>
internal static class SweepIdArgument
{
    public static Argument<string> Create(string description = "Sweep id, as printed by submit, run or list.") => new Argument<string>("ID")
    {
        Description = description,
    }.Refusing();
}
