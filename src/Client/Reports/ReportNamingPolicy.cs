using System.Text.Json;

namespace ScaleSweep.Client.Reports;

/// <summary>
/// camelCase, except that one-letter names keep their case: N, B, M, C and L are the paper's symbols,
/// and "n" for a width would read as a count.
/// </summary>
internal sealed class ReportNamingPolicy : JsonNamingPolicy
{
    public static readonly ReportNamingPolicy Instance = new();

    public override string ConvertName(string name) => name.Length == 1 ? name : CamelCase.ConvertName(name);
}
