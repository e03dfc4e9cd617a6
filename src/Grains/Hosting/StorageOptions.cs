namespace ScaleSweep.Grains.Hosting;

/// <summary>Azure Storage for grain state, bound from configuration section "ScaleSweep:Storage".</summary>
/// <remarks>
/// The connection string is a secret: it is never logged or printed. Azurite's well-known development
/// account is the default; a real account needs nothing but a different connection string.
/// </remarks>
public sealed class StorageOptions
{
    public const string Section = "ScaleSweep:Storage";

    /// <summary>An Azure Storage connection string (blob and table endpoints).</summary>
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// Prefix of the table and container names, so that several clusters (or test runs) can share
    /// one account: 3-20 lower-case letters and digits, starting with a letter.
    /// </summary>
    public string Prefix { get; set; } = "scalesweep";
}
