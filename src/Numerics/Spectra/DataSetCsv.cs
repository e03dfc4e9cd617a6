using System.Globalization;

namespace ScaleSweep.Numerics.Spectra;

/// <summary>
/// Reads a data set from CSV: one sample per line, the inputs then the target as the last column
/// ("x_1,...,x_d,y"), every line with the same number of fields; an optional header line (a first line
/// whose first field is not a number), '#' comments and blank lines ignored.
/// </summary>
public static class DataSetCsv
{
    /// <summary>
    /// The most values (n (d + 1)) read into memory: 2^27 doubles, 1 GiB. MNIST's 60000 x 785 is 4.7e7.
    /// </summary>
    public const long MaxValues = 1L << 27;

    public static DataSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpectrumException($"data file '{path}' does not exist.");
        }

        using var reader = new StreamReader(path);
        return Parse(reader, Path.GetFileName(path));
    }

    public static DataSet Parse(TextReader reader, string sourceName)
    {
        var inputs = new List<double>();
        var targets = new List<double>();
        int columns = 0;
        int columnsLine = 0;
        int lineNumber = 0;
        bool headerAllowed = true;
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            lineNumber++;
            string trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }

            string location = $"{sourceName} line {lineNumber}";
            if (trimmed.Contains('\0'))
            {
                throw new SpectrumException($"{location}: the file is not text (it contains NUL bytes); expected CSV rows 'x_1,...,x_d,y'.");
            }

            string[] fields = trimmed.Split(',');
            if (headerAllowed && !double.TryParse(fields[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                headerAllowed = false;
                continue;
            }

            headerAllowed = false;
            if (fields.Length < 2)
            {
                throw new SpectrumException($"{location}: found {fields.Length} field; a row needs at least 2, the inputs x_1..x_d then the target y.");
            }

            if (columns == 0)
            {
                columns = fields.Length;
                columnsLine = lineNumber;
            }
            else if (fields.Length != columns)
            {
                throw new SpectrumException($"{location}: found {fields.Length} fields but line {columnsLine} has {columns}: every row must have the same inputs and a target.");
            }

            if ((long)(targets.Count + 1) * columns > MaxValues)
            {
                throw new SpectrumException($"{location}: the data set exceeds {MaxValues} values (n (d + 1)); use a subset of the rows.");
            }

            for (int j = 0; j < columns; j++)
            {
                string text = fields[j].Trim();
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
                {
                    string name = j == columns - 1 ? "the target (last column)" : $"input {j + 1}";
                    throw new SpectrumException($"{location}: {name} = '{text}' is not a finite decimal number.");
                }

                if (j == columns - 1)
                {
                    targets.Add(value);
                }
                else
                {
                    inputs.Add(value);
                }
            }
        }

        if (targets.Count == 0)
        {
            throw new SpectrumException($"{sourceName}: the file has no samples; expected CSV rows 'x_1,...,x_d,y'.");
        }

        return new DataSet(inputs.ToArray(), targets.ToArray(), columns - 1);
    }
}
