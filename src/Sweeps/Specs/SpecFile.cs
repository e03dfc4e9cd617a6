using System.Text;
using F = ScaleSweep.Sweeps.Specs.SweepSpecFields;

namespace ScaleSweep.Sweeps.Specs;

/// <summary>
/// Reads a spec file as strict UTF-8 text, so a wrong file (a directory, a results archive, a
/// UTF-16 export) is named as such instead of surfacing as a puzzling JSON error.
/// </summary>
internal static class SpecFile
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadText(string path, SweepLimits limits)
    {
        if (Directory.Exists(path))
        {
            throw Error($"'{path}' is a directory, not a spec file.");
        }

        byte[] bytes;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw Error($"'{path}' does not exist.");
            }

            if (info.Length > limits.MaxSpecBytes)
            {
                throw Error($"'{path}' is {info.Length} bytes, above the cap of {limits.MaxSpecBytes} bytes "
                    + $"({SweepLimits.SectionName}:{nameof(SweepLimits.MaxSpecBytes)}); is it a spec?");
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw Error($"cannot read '{path}': {e.Message}");
        }

        if (bytes.Length >= 2 && ((bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)))
        {
            throw Error($"'{path}' is UTF-16 text (it starts with a UTF-16 byte order mark); save it as UTF-8.");
        }

        int nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            throw Error($"'{path}' is a binary file (byte 0x00 at offset {nul}), not JSON text.");
        }

        int start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            int offset = start + Math.Max(0, e.Index);
            string shown = e.BytesUnknown is { Length: > 0 } unknown ? $"byte 0x{unknown[0]:X2}" : "a byte";
            throw Error($"'{path}' is not UTF-8 text ({shown} at offset {offset} is not valid UTF-8), so it is not a spec.");
        }
    }

    private static SweepSpecException Error(string message) => new(F.File, message);
}
