using System.CommandLine;
using ScaleSweep.Sweeps.Specs;

namespace ScaleSweep.Client.Commands.Sweeps;

/// <summary>The SPEC argument: a sweep spec file, read and validated before anything is started or stored.</summary>
internal static class SpecArgument
{
    public static Argument<string> Create() => new Argument<string>("SPEC")
    {
        Description = "Sweep spec: a JSON file (see docs/sweep-spec.md, and examples/).",
    }.Refusing();

    /// <summary>Reads and validates the file; a bad spec throws <see cref="SweepSpecException"/> naming the field.</summary>
    public static SweepSpec Read(string path) => SweepSpecParser.ParseFile(path, new SweepLimits());
}
