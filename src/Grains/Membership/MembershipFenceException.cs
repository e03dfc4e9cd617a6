namespace ScaleSweep.Grains.Membership;

/// <summary>This silo was declared dead: it must not write, and its jobs step down (see <see cref="MembershipFence"/>).</summary>
public sealed class MembershipFenceException(string message) : Exception(message);
