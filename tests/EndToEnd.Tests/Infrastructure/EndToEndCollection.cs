namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every end-to-end test is in this collection: they run one after another (each starts processes
/// that use both cores), and share one Azurite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<Azurite>
{
    public const string Name = "end-to-end";
}
