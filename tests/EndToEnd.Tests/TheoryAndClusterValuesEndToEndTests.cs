using ScaleSweep.EndToEnd.Tests.Infrastructure;

namespace ScaleSweep.EndToEnd.Tests;

/// <summary>
/// The documented values of theory's options and of every cluster command's options and arguments
/// (see <see cref="SimulateValuesEndToEndTests"/>).
/// </summary>
public sealed class TheoryAndClusterValuesEndToEndTests(ITestOutputHelper output) : IDisposable
{
    private readonly DocumentedValueRunner _runner = new();

    public static TheoryData<string, string[], int> Cases => DocumentedValueRunner.Data(["theory", .. DocumentedValues.ClusterCommands()]);

    public void Dispose() => _runner.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task A_documented_value_is_accepted_and_never_an_internal_error(string name, string[] arguments, int exit)
    {
        _ = name;
        return _runner.RunAsync(output, arguments, exit);
    }

    [Fact]
    public void Every_command_has_cases_and_every_spelling_of_infinity_is_among_them()
    {
        var all = DocumentedValues.Cases().ToList();
        Assert.Equal(DocumentedValues.Root().Subcommands.Select(c => c.Name).Order(), all.Select(c => c.Arguments[0]).Distinct().Order());
        foreach (string spelling in DocumentedValues.InfinitySpellings)
        {
            Assert.Contains(all, c => c.Arguments is ["simulate", .., "--B", var b] && b == spelling);
            Assert.Contains(all, c => c.Arguments is ["theory", .., "--N", var n] && n == spelling);
            Assert.Contains(all, c => c.Arguments is ["theory", .., "--B", var b] && b == spelling);
        }
    }
}
