using System.Text;

namespace ScaleSweep.Client.Reports;

/// <summary>File names of the plots: a prefix, then name and value of each parameter that tells the files apart.</summary>
/// <remarks>
/// Only parameters that differ between files of the same kind enter the name, so a sweep over gamma
/// alone gives "loss" and "frontier", and one over beta too gives "loss-beta0.4", "loss-beta1.2".
/// The full configuration is in each plot's title.
/// </remarks>
internal static class PlotNames
{
    public static string Compose(string prefix, IEnumerable<(string Name, string Value)> parts)
    {
        var name = new StringBuilder(prefix);
        foreach ((string parameter, string value) in parts)
        {
            name.Append('-').Append(parameter).Append(value);
        }

        return Sanitize(name.ToString());
    }

    /// <summary>Keeps letters, digits, '.', '-', '_' and '+'; anything else becomes '_', so names are safe in every shell and file system.</summary>
    public static string Sanitize(string name)
    {
        var clean = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            clean.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '+' ? c : '_');
        }

        return clean.ToString();
    }
}
