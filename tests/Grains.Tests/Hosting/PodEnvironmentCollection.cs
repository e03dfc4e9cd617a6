namespace ScaleSweep.Grains.Tests.Hosting;

/// <summary>The tests that set a pod's variables in the process environment (<see cref="PodEnvironment"/>): one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PodEnvironmentCollection
{
    public const string Name = "process environment of a pod";
}
