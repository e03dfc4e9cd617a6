using System.Net;
using Orleans.Runtime;
using ScaleSweep.Client;
using ScaleSweep.Client.Cluster;
using Xunit;

namespace ScaleSweep.Client.Tests.Cluster;

public sealed class GatewayListTests
{
    [Fact]
    public void OneGatewayIsAListOfOne()
    {
        Assert.Equal([new IPEndPoint(IPAddress.Parse("10.77.0.11"), 30000)], GatewayList.Parse("10.77.0.11:30000"));
    }

    [Fact]
    public void ACommaSeparatedListKeepsItsOrderAndDropsRepeatsAndSpaces()
    {
        IReadOnlyList<IPEndPoint> gateways = GatewayList.Parse(" 10.77.0.12:30000, 10.77.0.11:30000,,10.77.0.12:30000 ,[::1]:30001");
        Assert.Equal(
            [
                new IPEndPoint(IPAddress.Parse("10.77.0.12"), 30000),
                new IPEndPoint(IPAddress.Parse("10.77.0.11"), 30000),
                new IPEndPoint(IPAddress.IPv6Loopback, 30001),
            ],
            gateways);
        Assert.Equal("10.77.0.12:30000, 10.77.0.11:30000, [::1]:30001", GatewayList.Describe(gateways));
    }

    [Fact]
    public void AHostNameResolves()
    {
        IPEndPoint gateway = Assert.Single(GatewayList.Parse("localhost:30000"));
        Assert.True(IPAddress.IsLoopback(gateway.Address));
    }

    [Theory]
    [InlineData("10.77.0.11")]
    [InlineData("10.77.0.11:0")]
    [InlineData("10.77.0.11:65536")]
    [InlineData(":30000")]
    [InlineData(",")]
    public void AMalformedEntryIsAUsageErrorNamingIt(string text)
    {
        UsageException error = Assert.Throws<UsageException>(() => GatewayList.Parse(text));
        Assert.Contains("--gateway", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 to 65535", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadEntryInAListIsNamedWithTheList()
    {
        UsageException error = Assert.Throws<UsageException>(() => GatewayList.Parse("10.77.0.11:30000,10.77.0.12"));
        Assert.Contains("got '10.77.0.12' (in '10.77.0.11:30000,10.77.0.12')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownHostIsUnavailableNotUsage()
    {
        Assert.Throws<ClusterUnavailableException>(() => GatewayList.Parse("no-such-host.invalid:30000"));
    }

    [Fact]
    public async Task ALostGatewayIsRetriedAndSaidOnceThenAnsweredAgain()
    {
        int calls = 0;
        var said = new List<string>();
        int result = await ClusterCalls.RetryAsync(
            () => ++calls < 3 ? throw new SiloUnavailableException("gateway gone") : Task.FromResult(42),
            said.Add,
            CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(3, calls);
        Assert.Equal(2, said.Count);
        Assert.StartsWith("lost a gateway or the silo behind it (gateway gone)", said[0], StringComparison.Ordinal);
        Assert.StartsWith("the cluster answers again", said[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnErrorOfTheGrainIsNotRetried()
    {
        int calls = 0;
        await Assert.ThrowsAsync<InvalidOperationException>(() => ClusterCalls.RetryAsync<int>(
            () => { calls++; throw new InvalidOperationException("bad sweep"); }, _ => { }, CancellationToken.None));
        Assert.Equal(1, calls);
    }

    [Fact]
    public void ABriefMessageIsTheFirstLineOfTheInnermostOneCutAt160()
    {
        var inner = new InvalidOperationException("Unable to connect to 10.77.0.12:11111. Error: ConnectionRefused\n   at Orleans.Networking.Shared...");
        Assert.Equal("Unable to connect to 10.77.0.12:11111. Error: ConnectionRefused", ClusterCalls.Brief(new SiloUnavailableException("outer", inner)));
        string brief = ClusterCalls.Brief(new TimeoutException(new string('x', 400)));
        Assert.Equal(160, brief.Length);
        Assert.EndsWith("...", brief, StringComparison.Ordinal);
    }
}
