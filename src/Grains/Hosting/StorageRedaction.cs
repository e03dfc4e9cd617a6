using System.Text.RegularExpressions;

namespace ScaleSweep.Grains.Hosting;

/// <summary>
/// Hides the secret parts of storage settings (account keys, shared access signatures) in text we show:
/// a value echoed in an error message may be a connection string pasted into the wrong setting.
/// </summary>
public static partial class StorageRedaction
{
    /// <summary>What replaces a secret.</summary>
    public const string Hidden = "(not shown)";

    /// <summary><paramref name="text"/> with every AccountKey, SharedAccessSignature, SharedAccessKey and sig value hidden.</summary>
    public static string Redact(string? text) =>
        string.IsNullOrEmpty(text) ? "" : SecretPattern().Replace(text, m => m.Groups["name"].Value + "=" + Hidden);

    [GeneratedRegex(@"(?<name>AccountKey|SharedAccessSignature|SharedAccessKey|sig)\s*=[^;&\s]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SecretPattern();
}
