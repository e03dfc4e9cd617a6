using Azure.Core;
using Azure.Identity;

namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>
/// A token credential for tests: records the scopes it was asked for and hands out a dummy token, or,
/// made with <see cref="Unavailable"/>, fails as DefaultAzureCredential does on a machine without an identity.
/// </summary>
internal sealed class RecordingCredential(bool unavailable = false) : TokenCredential
{
    /// <summary>The message of the failure of an <see cref="Unavailable"/> credential.</summary>
    public const string UnavailableMessage = "DefaultAzureCredential failed to retrieve a token from the included credentials.";

    public static RecordingCredential Unavailable => new(unavailable: true);

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        if (unavailable)
        {
            throw new CredentialUnavailableException(UnavailableMessage + "\n- ManagedIdentityCredential authentication unavailable.");
        }

        return new AccessToken("dummy", DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
