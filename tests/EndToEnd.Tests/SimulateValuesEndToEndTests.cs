using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// Every value form the help names, for every option of every command (see <see cref="DocumentedValues"/>),
/// given to the real program: it must be accepted (exit 0 for simulate and theory, 4 for a cluster command
/// stopped at a closed gateway after parsing) and never end in an internal error or a stack trace. No
/// cluster is started. The cases are split in two classes, which xunit runs side by side (each process is
/// short and mostly start-up): this one, simulate's; <see cref="TheoryAndClusterValuesEndToEndTests"/>.
/// </summary>
public sealed class SimulateValuesEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly DocumentedValueRunner _runner = new();

    public static TheoryData<string, string[], int> Cases => DocumentedValueRunner.Data("simulate");

    public void Dispose() => _runner.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_documented_value_is_accepted_and_never_an_internal_error(string name, string[] arguments, int exit)
    {
        _ = name;
        return _runner.RunAsync(output, arguments, exit);
    }
}
