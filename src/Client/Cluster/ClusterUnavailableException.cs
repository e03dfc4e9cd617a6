namespace ScaleSweep.Client.Cluster;

/// <summary>The cluster or its storage cannot be reached; the message says which and how to fix it.</summary>
internal sealed class ClusterUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
