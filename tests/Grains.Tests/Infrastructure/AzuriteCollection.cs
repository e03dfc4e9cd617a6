namespace ScaleSweep.Grains.Tests.Infrastructure;

/// <summary>Tests that need Azure Storage share one Azurite and do not run in parallel with each other.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<Azurite>
{
    public const string Name = "azurite";
}
