using System.CommandLine;
using ScaleSweep.Numerics.Spectra;

namespace ScaleSweep.Client.Options;

/// <summary>
/// The `--spectrum FILE.csv` option of `simulate` and `theory`: a measured spectrum, rows `k,lambda,wstar` for k = 1..M
/// (<see cref="SpectrumCsv"/>), replacing the power-law task. A file that cannot be read or parsed is a usage error
/// naming the option and, for a bad row, its line.
/// </summary>
internal static class SpectrumFile
{
    /// <summary>What the option's help says of the file, shared so both commands say the same.</summary>
    public const string Description = "CSV file of a measured spectrum, rows 'k,lambda,wstar' for k = 1..M, replacing the power-law task";

    /// <summary>What a bad value of the option is told.</summary>
    public const string Range = "spectrum must be the path of a CSV file with rows 'k,lambda,wstar'.";

    /// <summary>The option, its help <paramref name="description"/> (which says the file is <see cref="Description"/>).</summary>
    public static Option<string?> Create(string description) =>
        OptionFactory.WithRange(new Option<string?>("--spectrum") { Description = description, HelpName = "file.csv" }, Range);

    /// <summary>
    /// Reads <paramref name="path"/>; a <see cref="UsageException"/> when it cannot, prefixed by <paramref name="option"/>
    /// (null for a file given as an argument, whose messages name the file themselves).
    /// </summary>
    public static Spectrum Load(string path, string? option = "--spectrum")
    {
        string prefix = option is null ? string.Empty : option + ": ";
        try
        {
            return SpectrumCsv.Load(path);
        }
        catch (SpectrumException e)
        {
            throw new UsageException(prefix + e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{prefix}cannot read{(option is null ? " spectrum file" : string.Empty)} '{path}': {e.Message}");
        }
    }
}
