namespace ScaleSweep.EndToEnd.Tests.Infrastructure;

/// <summary>
/// End-to-end tests that run only the scalesweep program, never a silo or Azurite (so, unlike
/// <see cref="EndToEndCollection"/>, without its Azurite fixture). They too run alone: each starts
/// processes, and timing assertions elsewhere must not see them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CliOnlyCollection
{
    public const string Name = "end-to-end, CLI only";
}
