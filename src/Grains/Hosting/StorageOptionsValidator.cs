using System.Globalization;
using Microsoft.Extensions.Options;

namespace ScaleSweep.Grains.Hosting;

/// <summary>Checks "ScaleSweep:Storage": the account settings (see <see cref="StorageAccount"/>), the prefix and the startup timeout.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <summary>Longest startup check allowed: an orchestrator restarting a silo in a loop should hear why within minutes.</summary>
    public const int MaxStartupTimeoutSeconds = 600;

    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>(StorageAccount.Validate(options));
        if (!IsValidPrefix(options.Prefix))
        {
            errors.Add($"{StorageOptions.Section}:Prefix is '{StorageRedaction.Redact(options.Prefix)}'; allowed: 3-20 lower-case letters and digits, starting with a letter");
        }

        if (options.StartupTimeoutSeconds is < 0 or > MaxStartupTimeoutSeconds)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture,
                $"{StorageOptions.Section}:StartupTimeoutSeconds is {options.StartupTimeoutSeconds}; allowed: 1 to {MaxStartupTimeoutSeconds}, or 0 to skip the startup check"));
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsValidPrefix(string? prefix) =>
        prefix is { Length: >= 3 and <= 20 } && char.IsAsciiLetterLower(prefix[0]) && prefix.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
