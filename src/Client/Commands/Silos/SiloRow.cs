using System.Net;
using Orleans;
using Orleans.Runtime;
using ScaleSweep.Grains.Abstractions.Grains;

namespace ScaleSweep.Client.Commands.Silos;

/// <summary>
/// One silo as `scalesweep silos` shows it: its membership entry (address, host, status, start and last
/// I-am-alive) joined with the worker pool it last posted to the cluster's worker board.
/// </summary>
/// <param name="Address">"10.0.0.5:11111", the silo's address and silo port.</param>
/// <param name="Host">The machine's host name as the silo reported it.</param>
/// <param name="Status">"active", "joining", "shuttingdown", "dead", ... (Orleans' membership status).</param>
/// <param name="Started">When the silo started (UTC).</param>
/// <param name="LastAlive">Its last I-am-alive write to the membership table (UTC).</param>
/// <param name="Slots">Worker slots, when it posted them within the board's expiry.</param>
/// <param name="Busy">Jobs running or queued there, likewise.</param>
internal sealed record SiloRow(string Address, string Host, string Status, DateTime Started, DateTime LastAlive, int? Slots, int? Busy)
{
    /// <summary>The rows of <paramref name="members"/>, live ones first (by address), then the others newest first.</summary>
    public static IReadOnlyList<SiloRow> From(IEnumerable<MembershipEntry> members, IEnumerable<WorkerLoad> loads)
    {
        Dictionary<SiloAddress, WorkerLoad> byAddress = loads.ToDictionary(l => l.Silo);
        return members
            .Select(m =>
            {
                WorkerLoad? load = byAddress.GetValueOrDefault(m.SiloAddress);
                IPEndPoint endpoint = m.SiloAddress.Endpoint;
                return (Live: m.Status is SiloStatus.Active or SiloStatus.Joining or SiloStatus.Created, m.SiloAddress, Row: new SiloRow(
                    endpoint.ToString(), m.HostName ?? "", m.Status.ToString().ToLowerInvariant(),
                    m.StartTime, m.IAmAliveTime, load?.Slots, load?.Busy));
            })
            .OrderByDescending(r => r.Live)
            .ThenBy(r => r.Live ? r.Row.Address : "", StringComparer.Ordinal)
            .ThenByDescending(r => r.Row.Started)
            .Select(r => r.Row)
            .ToList();
    }
}
