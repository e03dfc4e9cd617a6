using System.Globalization;

namespace ScaleSweep.Grains.Hosting;

/// <summary>Azure Storage for grain state and membership, bound from configuration section "ScaleSweep:Storage".</summary>
/// <remarks>
/// The account is named in exactly one of three ways: <see cref="ConnectionString"/> (a key or SAS in it);
/// <see cref="BlobServiceUri"/> and <see cref="TableServiceUri"/>; or <see cref="AccountName"/>. The last
/// two authenticate with a token credential (managed identity, workload identity, environment), so no key
/// is kept in a file. Nothing set is Azurite's development account. <see cref="StorageAccount"/> checks
/// the combination and is the one place that turns these settings into storage clients. Empty values
/// count as not set (an environment file may leave a line blank). The connection string is a secret: it
/// is never logged or printed, and <see cref="ToString"/> leaves it out.
/// </remarks>
public sealed class StorageOptions
{
    public const string Section = "ScaleSweep:Storage";

    /// <summary>Azurite's well-known development account, used when no account is configured.</summary>
    public const string DevelopmentConnectionString = "UseDevelopmentStorage=true";

    /// <summary>An Azure Storage connection string with blob and table endpoints; a secret.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The blob service endpoint (https://ACCOUNT.blob.core.windows.net), used with a token credential.</summary>
    public string? BlobServiceUri { get; set; }

    /// <summary>The table service endpoint (https://ACCOUNT.table.core.windows.net), used with a token credential.</summary>
    public string? TableServiceUri { get; set; }

    /// <summary>
    /// Shorthand for the endpoints of an account in Azure's public cloud:
    /// https://NAME.blob.core.windows.net and https://NAME.table.core.windows.net, with a token credential.
    /// </summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of a user-assigned managed identity for the token credential; empty takes the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>
    /// Prefix of the table and container names, so that several clusters (or test runs) can share
    /// one account: 3-20 lower-case letters and digits, starting with a letter.
    /// </summary>
    public string Prefix { get; set; } = "scalesweep";

    /// <summary>
    /// How long a starting silo tries to reach the storage account (retrying refused connections, which a
    /// storage service that starts at the same time gives) before it exits with one line saying why;
    /// 0 skips the check.
    /// </summary>
    public int StartupTimeoutSeconds { get; set; } = 30;

    /// <summary>The settings without the connection string's value, and with any key or signature in the others hidden.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"ConnectionString={(string.IsNullOrWhiteSpace(ConnectionString) ? "(not set)" : "(set, not shown)")}, BlobServiceUri={StorageRedaction.Redact(BlobServiceUri)}, TableServiceUri={StorageRedaction.Redact(TableServiceUri)}, AccountName={AccountName}, ManagedIdentityClientId={ManagedIdentityClientId}, Prefix={Prefix}, StartupTimeoutSeconds={StartupTimeoutSeconds}");
}
