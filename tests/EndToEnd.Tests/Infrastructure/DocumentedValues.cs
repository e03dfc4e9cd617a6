using System.CommandLine;
using System.Globalization;
using ScaleSweep.Client;

namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Command lines built from the CLI's own command tree: for every option of every command, each
/// value form its help names (its HelpName: "integer", "integer|inf", "integer,...|inf", "number", "fast|reference",
/// "T0:T1", "kmin:kmax", "file.csv", "out.csv", "dir", "host:port,..."; a flag; an argument), so a new option is run without a
/// hand-written test. An option whose help name has no form here fails the tests until one is added.
/// A command with subcommands (spectrum) has the cases of each subcommand, whose arguments come first.
/// Paths are placeholders (<see cref="Spectrum"/>, <see cref="Data"/>, <see cref="Folder"/>, <see cref="ClosedGateway"/>),
/// filled in by the test that runs the line.
/// </summary>
public static class DocumentedValues
{
    /// <summary>A valid spectrum CSV of <see cref="SpectrumModes"/> modes.</summary>
    public const string Spectrum = "{spectrum.csv}";

    /// <summary>A valid data set CSV ("x1,x2,x3,y") of <see cref="DataRows"/> rows.</summary>
    public const string Data = "{data.csv}";

    /// <summary>A folder that exists and may be written.</summary>
    public const string Folder = "{folder}";

    /// <summary>HOST:PORT of a loopback port nothing listens on: a cluster command exits 4 after parsing.</summary>
    public const string ClosedGateway = "{closed-gateway}";

    /// <summary>The port of <see cref="ClosedGateway"/>, for the host-name form of --gateway.</summary>
    public const string ClosedPort = "{closed-port}";

    public const int SpectrumModes = 100;

    public const int DataRows = 100;

    /// <summary>Every spelling of infinity an "integer|inf" option accepts.</summary>
    public static readonly string[] InfinitySpellings = ["inf", "INF", "infinity", "\u221E"];

    /// <summary>What every run of a local command starts from: sizes small enough for a fraction of a second.</summary>
    private static readonly Dictionary<string, string[]> SmallRuns = new()
    {
        ["simulate"] = ["--M", "100", "--N", "16", "--steps", "50", "--seeds", "2"],
        ["theory"] = [],
        ["spectrum fit"] = [Spectrum],
        ["spectrum kernel"] = [Data, "--width", "64"],
        ["spectrum circle"] = ["--K", "64"],
    };

    /// <summary>The local commands that only group subcommands; their cases are their subcommands'.</summary>
    private static readonly string[] LocalGroups = ["spectrum"];

    /// <summary>
    /// The small run of the MLP on the circle, for the form "mlp-circle" of --model and the options whose help says
    /// "With --model mlp-circle": its help says it needs --gamma &gt; 0 and an integer --B, and it refuses --M.
    /// </summary>
    private static readonly string[] SmallMlp = ["--model", "mlp-circle", "--gamma", "1", "--B", "8", "--N", "16", "--steps", "50", "--seeds", "2"];

    /// <summary>The small run of theory's curve, for the options whose help says "With --curve" (or "With --time-grid").</summary>
    private static readonly string[] SmallCurve = ["--curve", "--M", "100", "--steps", "50"];

    /// <summary>The small run of theory's curve on a spectrum file, whose mode count is the file's (--M is refused beside it).</summary>
    private static readonly string[] SmallCurveOfFile = ["--curve", "--steps", "50"];

    /// <summary>
    /// The small run of theory's floor, for the options whose help says "With --floor" and for a list of widths
    /// ("16,32", which only --floor takes).
    /// </summary>
    private static readonly string[] SmallFloor = ["--floor", "--M", "200", "--N", "8,16", "--seeds", "2"];

    /// <summary>What a documented value needs besides itself, as its help says (linear-network: "needs --gamma > 0").</summary>
    private static readonly Dictionary<string, string[]> Needs = new()
    {
        ["linear-network"] = ["--gamma", "0.5"],
    };

    /// <summary>The value of an ID argument: an id no sweep has (a closed gateway is never asked about it).</summary>
    private const string SomeSweepId = "no-such-sweep-000000000000";

    /// <summary>The commands that run on this machine and exit 0 with a valid line; every other one is a cluster command.</summary>
    public static bool IsLocal(string command) => SmallRuns.ContainsKey(command) || LocalGroups.Contains(command);

    /// <summary>The cluster commands: every command but the local ones.</summary>
    public static string[] ClusterCommands() => Root().Subcommands.Select(c => c.Name).Where(c => !IsLocal(c)).ToArray();

    public static RootCommand Root() => ScaleSweepCli.BuildRootCommand(new CliEnvironment(TextWriter.Null, TextWriter.Null));

    /// <summary>
    /// The cases of the commands named (all without names): a name, the arguments, the exit code a valid line must give (0 for a local command,
    /// 4 for a cluster command, which stops at the closed gateway after parsing everything).
    /// Local commands: one line per option and value form. Cluster commands: one line per command and
    /// form index, with every option of the command at once (their forms are few; each run costs a
    /// connection attempt).
    /// </summary>
    public static IEnumerable<(string Name, string[] Arguments, int Exit)> Cases(params string[] commands)
    {
        foreach (Command command in Root().Subcommands.Where(c => commands.Length == 0 || commands.Contains(c.Name)))
        {
            IEnumerable<(string, string[], int)> cases = LocalGroups.Contains(command.Name)
                ? command.Subcommands.SelectMany(sub => LocalCases(sub, [command.Name, sub.Name]))
                : IsLocal(command.Name) ? LocalCases(command, [command.Name]) : ClusterCases(command);
            foreach ((string, string[], int) c in cases)
            {
                yield return c;
            }
        }
    }

    private static IEnumerable<(string, string[], int)> LocalCases(Command command, string[] path)
    {
        string key = string.Join(' ', path);
        foreach (Argument argument in command.Arguments)
        {
            // The small run gives the first form; every further one replaces it.
            string[] forms = ArgumentForms(argument);
            foreach (string form in forms.Skip(1))
            {
                string[] run = SmallRuns[key].Select(a => a == forms[0] ? form : a).ToArray();
                yield return ($"{key} {argument.Name} {form}", [.. path, .. run], ExitCodes.Success);
            }
        }

        foreach (Option option in Options(command))
        {
            string description = option.Description ?? "";
            bool mlp = description.StartsWith("With --model mlp-circle", StringComparison.Ordinal);
            string[] small = mlp ? SmallMlp
                : command.Name != "theory" ? SmallRuns[key]
                : description.StartsWith("With --floor", StringComparison.Ordinal) ? SmallFloor
                : description.StartsWith("With --", StringComparison.Ordinal) ? SmallCurve
                : SmallRuns[command.Name];
            foreach (string? form in Forms(command, option, small))
            {
                string[] run = form is not null && form.Contains(',', StringComparison.Ordinal) && command.Name == "theory" ? SmallFloor
                    : form == Spectrum && command.Name == "theory" ? SmallCurveOfFile
                    : form == "mlp-circle" ? SmallMlp
                    : small;
                string[] given = form is null ? [option.Name] : [option.Name, form];
                string[] needs = form is not null && Needs.TryGetValue(form, out string[]? extra) ? extra : [];
                string[] arguments = [.. path, .. Without(run, option), .. needs, .. given];
                yield return ($"{key} {option.Name} {form ?? "(flag)"}", arguments, ExitCodes.Success);
            }
        }
    }

    private static IEnumerable<(string, string[], int)> ClusterCases(Command command)
    {
        List<string?[]> optionForms = Options(command).Select(o => Forms(command, o, []).ToArray()).ToList();
        List<string[]> argumentForms = command.Arguments.Select(ArgumentForms).ToList();
        int count = optionForms.Concat(argumentForms.Select(a => a.Cast<string?>().ToArray())).Max(f => f.Length);
        Option[] options = Options(command).ToArray();
        for (int i = 0; i < count; i++)
        {
            var arguments = new List<string> { command.Name };
            foreach (string[] forms in argumentForms)
            {
                string value = forms[i % forms.Length];
                if (value.Length > 0)
                {
                    arguments.Add(value);
                }
            }

            for (int o = 0; o < options.Length; o++)
            {
                string? form = optionForms[o][i % optionForms[o].Length];
                arguments.Add(options[o].Name);
                if (form is not null)
                {
                    arguments.Add(form);
                }
            }

            yield return ($"{command.Name} #{i + 1}", arguments.ToArray(), ExitCodes.Unavailable);
        }
    }

    /// <summary>The options of a command users set (not --help, which is not an option of a value).</summary>
    private static IEnumerable<Option> Options(Command command) =>
        command.Options.Where(o => o.Name is not ("--help" or "-h" or "-?" or "--version"));

    /// <summary>
    /// The values to give <paramref name="option"/>, by its help name; null is a flag given alone.
    /// Numbers are the value of the small run or the option's default, as typed and in scientific form.
    /// </summary>
    private static IEnumerable<string?> Forms(Command command, Option option, string[] small)
    {
        if (option.ValueType == typeof(bool))
        {
            return [null];
        }

        string? helpName = option.HelpName;
        switch (helpName)
        {
            case "integer|inf":
                return [.. InfinitySpellings, "8", "1e1"];
            case "integer,...|inf":
                // One value as "integer|inf"; lists, which theory reads with --floor, as typed and in scientific form.
                return [.. InfinitySpellings, "8", "1e1", "16,32", "16,32,64", "1.6e1,3.2e1", "16, 32"];
            case "integer":
                long integer = long.Parse(Typical(option, small) ?? "16", CultureInfo.InvariantCulture);
                return NotInSmallRun(option, small, integer.ToString(CultureInfo.InvariantCulture), Scientific(integer));
            case "number":
                double number = double.Parse(Typical(option, small) ?? "1", CultureInfo.InvariantCulture);
                return NotInSmallRun(option, small, number.ToString("R", CultureInfo.InvariantCulture), Scientific(number));
            case "T0:T1":
                return ["10:50", "0:50"];
            case "kmin:kmax":
                return ["10:50", "1:100"];
            case "file.csv":
                return [Spectrum];
            case "out.csv":
                return [Folder + "/kernel.csv"];
            case "dir":
                return [Folder];
            case "host:port,...":
                return [ClosedGateway, $"localhost:{ClosedPort}", $"{ClosedGateway},localhost:{ClosedPort}"];
            case null when option.ValueType == typeof(string):
                return [option.HasDefaultValue ? Convert.ToString(option.GetDefaultValue(), CultureInfo.InvariantCulture) : "x"];
            case not null when helpName.Contains('|', StringComparison.Ordinal):
                return helpName.Split('|');
            default:
                throw new InvalidOperationException(
                    $"{command.Name} {option.Name}: no value form for its help name '{helpName}' ({option.ValueType.Name}); "
                    + $"add one to {nameof(DocumentedValues)}.{nameof(Forms)}.");
        }
    }

    /// <summary>The number as typed and in scientific form; as typed only if the small run does not already give it so.</summary>
    private static string[] NotInSmallRun(Option option, string[] small, string typed, string scientific) =>
        Array.IndexOf(small, option.Name) >= 0 ? [scientific] : [typed, scientific];

    /// <summary>The arguments' forms; "" leaves an optional argument out.</summary>
    private static string[] ArgumentForms(Argument argument)
    {
        string[] forms = argument.Name switch
        {
            "SPEC" => Directory.GetFiles(Path.Combine(Repository.Root, "examples"), "*.json")
                .Select(p => Path.GetRelativePath(Repository.Root, p)).Order(StringComparer.Ordinal).ToArray(),
            "ID" => [SomeSweepId],
            "FIGURE" => ["fig1", "fig2", "fig3", "fig4", "fig5", "fig7", "fig10", "fig11-12", "floor", "FIG2"],
            "FILE" => [Spectrum],
            "DATA" => [Data],
            _ => throw new InvalidOperationException($"argument {argument.Name}: no value form; add one to {nameof(DocumentedValues)}.{nameof(ArgumentForms)}."),
        };
        return argument.Arity.MinimumNumberOfValues == 0 ? [.. forms, ""] : forms;
    }

    /// <summary>The option's value in the small run, else its default as typed; null if it has neither.</summary>
    private static string? Typical(Option option, string[] small)
    {
        int at = Array.IndexOf(small, option.Name);
        if (at >= 0)
        {
            return small[at + 1];
        }

        return option.HasDefaultValue && option.GetDefaultValue() is IConvertible value
            ? Convert.ToString(value, CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>The small run without the option (and its value), which the case gives itself.</summary>
    private static string[] Without(string[] small, Option option)
    {
        int at = Array.IndexOf(small, option.Name);
        if (at < 0)
        {
            return small;
        }

        int length = option.ValueType == typeof(bool) ? 1 : 2;
        return [.. small[..at], .. small[(at + length)..]];
    }

    /// <summary>16 as "1.6e1", 0.05 as "5e-2", 0 as "0e0".</summary>
    private static string Scientific(double value) => value.ToString("0.###############e0", CultureInfo.InvariantCulture);
}
