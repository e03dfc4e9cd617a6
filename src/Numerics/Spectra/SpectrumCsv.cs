using System.Globalization;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// Reads a measured kernel spectrum from CSV: one mode per line as "k,lambda,wstar", an optional
/// header line, '#' comments and blank lines ignored. Modes may come in any order but each k from
/// 1 to M must appear exactly once, so that a missing or repeated mode is an error, not a silently
/// different task.
/// </summary>
public static class SpectrumCsv
{
    public static Spectrum Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpectrumException($"spectrum file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    public static Spectrum Parse(TextReader reader, string sourceName)
    {
        var rows = new List<(long K, double Lambda, double WStar, int Line)>();
        string? line;
        int lineNumber = 0;
        bool headerAllowed = true;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            if (trimmed.Contains('\0'))
            {
                throw new SpectrumException($"{sourceName} line {lineNumber}: the file is not text (it contains NUL bytes); expected CSV rows 'k,lambda,wstar'.");
            }

            string[] fields = trimmed.Split(',');
            if (headerAllowed && fields.Length == 3 && !long.TryParse(fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out _))
            {
                headerAllowed = false;
                continue;
            }

            headerAllowed = false;
            string location = $"{sourceName} line {lineNumber}";
            if (fields.Length != 3)
            {
                throw new SpectrumException($"{location}: expected 3 comma-separated fields 'k,lambda,wstar' but found {fields.Length}.");
            }

            if (!long.TryParse(fields[0].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long k) || k < 1 || k > SpectrumValidation.MaxModes)
            {
                throw new SpectrumException($"{location}: k = '{fields[0].Trim()}' is out of range: k must be an integer from 1 to {SpectrumValidation.MaxModes}.");
            }

            double lambda = ParseNumber(fields[1], "lambda", location);
            double wStar = ParseNumber(fields[2], "wstar", location);
            SpectrumValidation.CheckMode(k, lambda, wStar, location);
            rows.Add((k, lambda, wStar, lineNumber));
        }

        if (rows.Count == 0)
        {
            throw new SpectrumException($"{sourceName}: the file has no modes; expected CSV rows 'k,lambda,wstar' with k = 1..M.");
        }

        var lambdas = new double[rows.Count];
        var wStars = new double[rows.Count];
        var seenLine = new int[rows.Count];
        foreach (var row in rows)
        {
            if (row.K > rows.Count)
            {
                throw new SpectrumException($"{sourceName} line {row.Line}: k = {row.K} is out of range: with {rows.Count} modes, k must run from 1 to {rows.Count} with each value once.");
            }

            int index = (int)row.K - 1;
            if (seenLine[index] != 0)
            {
                throw new SpectrumException($"{sourceName} line {row.Line}: k = {row.K} repeats line {seenLine[index]}: each mode k must appear once.");
            }

            seenLine[index] = row.Line;
            lambdas[index] = row.Lambda;
            wStars[index] = row.WStar;
        }

        return Spectrum.FromValues(lambdas, wStars, $"csv({sourceName}, M={rows.Count})");
    }

    /// <summary>
    /// Writes the header "k,lambda,wstar" and one row per mode, numbers in their shortest round-trip form, so
    /// <see cref="Parse"/> gives back the same bits.
    /// </summary>
    public static void Write(TextWriter writer, Spectrum spectrum)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(spectrum);
        writer.Write("k,lambda,wstar\n");
        ReadOnlySpan<double> lambda = spectrum.Lambda;
        ReadOnlySpan<double> wStar = spectrum.WStar;
        for (int k = 0; k < spectrum.M; k++)
        {
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"{k + 1},{lambda[k]:R},{wStar[k]:R}\n"));
        }
    }

    private static double ParseNumber(string text, string field, string location)
    {
        if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new SpectrumException($"{location}: {field} = '{text.Trim()}' is not a number: {field} must be a finite decimal number.");
        }

        return value;
    }
}
