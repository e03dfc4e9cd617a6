namespace ScaleSweep.Silo.Membership;

/// <summary>
/// What every silo of one cluster must share: the service whose stored state it serves, and the
/// version of what silos exchange (<see cref="Grains.Abstractions.WireFormat.Version"/>).
/// </summary>
public sealed record ClusterIdentity(string ServiceId, int WireVersion);
