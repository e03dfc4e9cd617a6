using System.Collections.Immutable;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime;
using ScaleSweep.Grains.Membership;
using Xunit;

namespace ScaleSweep.Grains.Tests.Membership;

/// <summary>
/// The fence that keeps a silo the cluster declared dead from writing: reads its own membership row when
/// the last confirmation is older than the freshness, closes for good on a dead row or a dead local view,
/// and lets a failed read through as a retryable error.
/// </summary>
public sealed class MembershipFenceTests
{
    private static readonly SiloAddress Self = SiloAddress.New(new IPEndPoint(IPAddress.Parse("10.77.0.13"), 11111), 7);

    [Fact]
    public async Task AConfirmationIsReusedWithinTheFreshnessAndRenewedAfterIt()
    {
        var world = new World();
        MembershipFence fence = world.Fence();
        Assert.Equal(TimeSpan.FromSeconds(1), fence.Freshness);

        await fence.EnsureMemberAsync();
        await fence.EnsureMemberAsync();
        Assert.Equal(1, world.Table.Reads);

        world.Clock.Advance(TimeSpan.FromMilliseconds(999));
        await fence.EnsureMemberAsync();
        Assert.Equal(1, world.Table.Reads);

        world.Clock.Advance(TimeSpan.FromMilliseconds(2));
        await fence.EnsureMemberAsync();
        Assert.Equal(2, world.Table.Reads);
    }

    [Fact]
    public async Task ADeadRowClosesTheFenceForGood()
    {
        var world = new World();
        MembershipFence fence = world.Fence();
        await fence.EnsureMemberAsync();

        world.Table.Status = SiloStatus.Dead;
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        MembershipFenceException error = await Assert.ThrowsAsync<MembershipFenceException>(fence.EnsureMemberAsync);
        Assert.Contains("declared it dead", error.Message, StringComparison.Ordinal);

        // Even a row that reads alive again (it never does in Orleans) does not reopen it.
        world.Table.Status = SiloStatus.Active;
        world.Clock.Advance(TimeSpan.FromSeconds(5));
        await Assert.ThrowsAsync<MembershipFenceException>(fence.EnsureMemberAsync);
        Assert.Equal(2, world.Table.Reads);
    }

    [Fact]
    public async Task OrleansOwnDeadViewClosesItWithoutARead()
    {
        var world = new World();
        MembershipFence fence = world.Fence();
        world.Membership.Status = SiloStatus.Dead;

        await Assert.ThrowsAsync<MembershipFenceException>(fence.EnsureMemberAsync);
        Assert.Equal(0, world.Table.Reads);
    }

    [Fact]
    public async Task AFailedReadIsRetryableAndConfirmsNothing()
    {
        var world = new World();
        MembershipFence fence = world.Fence();
        world.Table.Failure = new TimeoutException("storage unreachable");

        await Assert.ThrowsAsync<TimeoutException>(fence.EnsureMemberAsync);
        await Assert.ThrowsAsync<TimeoutException>(fence.EnsureMemberAsync);
        Assert.Equal(2, world.Table.Reads);

        world.Table.Failure = null;
        await fence.EnsureMemberAsync();
        await fence.EnsureMemberAsync();
        Assert.Equal(3, world.Table.Reads);
    }

    [Theory]
    [InlineData(1.0, 2, 1.0)] // ScaleSweep's membership settings: dead after 2 missed probes of 1 s
    [InlineData(10.0, 3, 10.0)] // Orleans' defaults, 15 s, clamped
    [InlineData(0.1, 1, 0.25)]
    public void FreshnessIsHalfTheFastestDeathDeclaration(double probeSeconds, int missed, double expected)
    {
        var options = new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(probeSeconds), NumMissedProbesLimit = missed };
        Assert.Equal(TimeSpan.FromSeconds(expected), MembershipFence.FreshnessFor(options));
    }

    private sealed class World
    {
        public ManualClock Clock { get; } = new();

        public FakeTable Table { get; } = new();

        public FakeMembership Membership { get; } = new();

        public MembershipFence Fence()
        {
            var services = new ServiceCollection().AddSingleton<IMembershipTable>(Table).BuildServiceProvider();
            var options = Options.Create(new ClusterMembershipOptions { ProbeTimeout = TimeSpan.FromSeconds(1), NumMissedProbesLimit = 2 });
            return new MembershipFence(services, new Silo(), Membership, options, NullLogger<MembershipFence>.Instance, Clock);
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class Silo : ILocalSiloDetails
    {
        public string Name => "test";

        public string ClusterId => "scalesweep";

        public string DnsHostName => "host3";

        public SiloAddress SiloAddress => Self;

        public SiloAddress GatewayAddress => Self;
    }

    private sealed class FakeMembership : IClusterMembershipService
    {
        public SiloStatus Status { get; set; } = SiloStatus.Active;

        public ClusterMembershipSnapshot CurrentSnapshot => new(
            ImmutableDictionary<SiloAddress, ClusterMember>.Empty.Add(Self, new ClusterMember(Self, Status, "test")),
            new MembershipVersion(1));

        public IAsyncEnumerable<ClusterMembershipSnapshot> MembershipUpdates => throw new NotSupportedException();

        public ValueTask Refresh(MembershipVersion minimumVersion = default, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

        public Task<bool> TryKill(SiloAddress siloAddress) => Task.FromResult(false);
    }

    private sealed class FakeTable : IMembershipTable
    {
        public int Reads { get; private set; }

        public SiloStatus Status { get; set; } = SiloStatus.Active;

        public Exception? Failure { get; set; }

        public Task<MembershipTableData> ReadRowAsync(SiloAddress key, CancellationToken cancellationToken)
        {
            Reads++;
            if (Failure is not null)
            {
                return Task.FromException<MembershipTableData>(Failure);
            }

            var entry = new MembershipEntry { SiloAddress = key, Status = Status, SiloName = "test", HostName = "host3" };
            return Task.FromResult(new MembershipTableData(Tuple.Create(entry, "etag"), new TableVersion(1, "v")));
        }

        public Task<MembershipTableData> ReadRow(SiloAddress key) => ReadRowAsync(key, CancellationToken.None);

        public Task InitializeMembershipTable(bool tryInitTableVersion) => throw new NotSupportedException();

        public Task InitializeMembershipTableAsync(bool tryInitTableVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task DeleteMembershipTableEntries(string clusterId) => throw new NotSupportedException();

        public Task DeleteMembershipTableEntriesAsync(string clusterId, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => throw new NotSupportedException();

        public Task CleanupDefunctSiloEntriesAsync(DateTimeOffset beforeDate, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<MembershipTableData> ReadAll() => throw new NotSupportedException();

        public Task<MembershipTableData> ReadAllAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion) => throw new NotSupportedException();

        public Task<bool> InsertRowAsync(MembershipEntry entry, TableVersion tableVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion) => throw new NotSupportedException();

        public Task<bool> UpdateRowAsync(MembershipEntry entry, string etag, TableVersion tableVersion, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task UpdateIAmAlive(MembershipEntry entry) => throw new NotSupportedException();

        public Task UpdateIAmAliveAsync(MembershipEntry entry, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
