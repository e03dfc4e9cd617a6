using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;

namespace ScaleSweep.Grains.Membership;

/// <summary>
/// Keeps a silo that the cluster may have declared dead from writing a run's state. A silo cut off from
/// the others (a partition) goes on computing; meanwhile the cluster declares it dead and activates its
/// runs elsewhere. When its link comes back, it learns it is dead only at its next membership read, and
/// Orleans stops it only after that: a write in between would race the new owner. So every write of a
/// job's state first passes here: the silo's own row in the membership table must have been read as not
/// dead within <see cref="Freshness"/>, shorter than the cluster takes to declare a silo dead; otherwise
/// the row is read again first. A dead row, or Orleans' own view that this silo is dead, closes the fence
/// for good (<see cref="MembershipFenceException"/>).
/// </summary>
/// <remarks>
/// ETags already refuse a stale write once the new owner has written; the fence also covers the moment
/// before it has. It costs one membership-row read per <see cref="Freshness"/> per silo, and only while
/// the silo writes.
/// </remarks>
public sealed class MembershipFence
{
    private readonly IServiceProvider _services;
    private readonly ILocalSiloDetails _silo;
    private readonly IClusterMembershipService _membership;
    private readonly TimeProvider _time;
    private readonly ILogger<MembershipFence> _logger;
    private readonly Lock _gate = new();
    private long? _confirmedAt;
    private Task? _reading;
    private string? _closed;

    public MembershipFence(
        IServiceProvider services,
        ILocalSiloDetails silo,
        IClusterMembershipService membership,
        IOptions<ClusterMembershipOptions> options,
        ILogger<MembershipFence> logger,
        TimeProvider? time = null)
    {
        _services = services;
        _silo = silo;
        _membership = membership;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Freshness = FreshnessFor(options.Value);
    }

    /// <summary>
    /// How old a confirmation may be: half the shortest time in which the others can declare this silo
    /// dead (missed probes times the probe timeout), between 0.25 s and 10 s.
    /// </summary>
    public TimeSpan Freshness { get; }

    /// <summary>Half the fastest death declaration of <paramref name="options"/>, clamped to [0.25 s, 10 s].</summary>
    public static TimeSpan FreshnessFor(ClusterMembershipOptions options)
    {
        double half = options.ProbeTimeout.TotalSeconds * Math.Max(1, options.NumMissedProbesLimit) / 2;
        return TimeSpan.FromSeconds(Math.Clamp(half, 0.25, 10));
    }

    /// <summary>Returns when this silo may write; throws <see cref="MembershipFenceException"/> when it is dead.</summary>
    /// <exception cref="Exception">The membership table could not be read: as unreachable storage, try again later.</exception>
    public async Task EnsureMemberAsync()
    {
        Task reading;
        lock (_gate)
        {
            ThrowIfClosed();
            if (_confirmedAt is { } confirmed && _time.GetElapsedTime(confirmed) < Freshness)
            {
                return;
            }

            _reading ??= ReadOwnRowAsync();
            reading = _reading;
        }

        try
        {
            await reading.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (ReferenceEquals(_reading, reading))
                {
                    _reading = null;
                }
            }
        }

        lock (_gate)
        {
            ThrowIfClosed();
        }
    }

    private void ThrowIfClosed()
    {
        if (_closed is null && _membership.CurrentSnapshot.GetSiloStatus(_silo.SiloAddress) == SiloStatus.Dead)
        {
            _closed = "Orleans' membership view says this silo is dead";
        }

        if (_closed is not null)
        {
            throw new MembershipFenceException($"silo {_silo.SiloAddress} writes nothing more: {_closed}");
        }
    }

    private async Task ReadOwnRowAsync()
    {
        long started = _time.GetTimestamp();
        IMembershipTable? table = _services.GetService<IMembershipTable>();
        if (table is null)
        {
            // No table to ask (a host without membership storage): only Orleans' own view counts.
            lock (_gate)
            {
                _confirmedAt = started;
            }

            return;
        }

        MembershipTableData data = await table.ReadRowAsync(_silo.SiloAddress, CancellationToken.None).ConfigureAwait(false);
        MembershipEntry? own = data.Members.Select(m => m.Item1).FirstOrDefault(e => e.SiloAddress.Equals(_silo.SiloAddress));
        lock (_gate)
        {
            if (own is { Status: SiloStatus.Dead })
            {
                _closed ??= "the membership table says the cluster declared it dead";
                _logger.LogWarning("Silo {Silo} was declared dead by the cluster; it stores nothing more for its runs, which continue elsewhere", _silo.SiloAddress);
            }
            else
            {
                // Read as the state at the read's start: a slow read proves nothing about later moments.
                _confirmedAt = Math.Max(_confirmedAt ?? started, started);
            }
        }
    }
}
