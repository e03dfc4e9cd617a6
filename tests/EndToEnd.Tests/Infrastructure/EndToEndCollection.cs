namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Every end-to-end test is in this collection: they run one after another (each starts processes
/// that use both cores), and share one Azurite, which xunit starts before the first of them runs
/// (so no test needs to ask for it).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection : ICollectionFixture<Azurite>
{
    public const string Name = "end-to-end";
}
