namespace ScaleSweep.Numerics.Models;

/// <summary>A snapshot that cannot be restored: corrupt, of another format version, or of another configuration.</summary>
public sealed class SnapshotException(string message) : Exception("Snapshot rejected: " + message);
