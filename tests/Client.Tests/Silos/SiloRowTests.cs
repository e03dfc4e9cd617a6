using System.Net;
using System.Text.Json;
using Orleans;
using Orleans.Runtime;
using ScaleSweep.Client.Commands.Silos;
using ScaleSweep.Client.Output;
using ScaleSweep.Grains.Abstractions.Grains;
using Xunit;

namespace ScaleSweep.Client.Tests.Silos;

public sealed class SiloRowTests
{
    private static readonly DateTime Start = new(2026, 12, 3, 21, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void LiveSilosComeFirstByAddressWithTheirPoolsThenTheDeadNewestFirst()
    {
        MembershipEntry[] members =
        [
            Entry("10.77.0.12", SiloStatus.Dead, Start.AddMinutes(1)),
            Entry("10.77.0.13", SiloStatus.Active, Start),
            Entry("10.77.0.11", SiloStatus.Active, Start),
            Entry("10.77.0.14", SiloStatus.Dead, Start.AddMinutes(2)),
        ];
        WorkerLoad[] loads = [new(members[1].SiloAddress, 2, 1, Start), new(members[2].SiloAddress, 4, 4, Start)];

        IReadOnlyList<SiloRow> rows = SiloRow.From(members, loads);

        Assert.Equal(["10.77.0.11:11111", "10.77.0.13:11111", "10.77.0.14:11111", "10.77.0.12:11111"], rows.Select(r => r.Address));
        Assert.Equal(["active", "active", "dead", "dead"], rows.Select(r => r.Status));
        Assert.Equal([4, 2, null, null], rows.Select(r => r.Slots));
        Assert.Equal([4, 1, null, null], rows.Select(r => r.Busy));
        Assert.Equal("host-10.77.0.11", rows[0].Host);
    }

    [Fact]
    public void TheTableFits80ColumnsAndSumsTheLiveSlots()
    {
        MembershipEntry[] members = [Entry("10.77.0.11", SiloStatus.Active, Start), Entry("10.77.0.12", SiloStatus.Dead, Start)];
        IReadOnlyList<SiloRow> rows = SiloRow.From(members, [new WorkerLoad(members[0].SiloAddress, 2, 1, Start)]);
        var text = new StringWriter();
        SilosCommand.Write(ConsoleFactory.For(text, isTerminal: false), rows, Start.AddSeconds(45));

        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, l => Assert.True(l.TrimEnd('\r').Length <= 80, l));
        Assert.Contains(lines, l => l.Contains("10.77.0.12:11111", StringComparison.Ordinal) && l.Contains("dead", StringComparison.Ordinal));
        Assert.Equal("1 active of 2; 2 worker slots, 1 busy", lines[^1].TrimEnd('\r'));
        Assert.Contains(lines, l => l.Contains("45 s   15 s ago", StringComparison.Ordinal) && l.EndsWith("1/2", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.StartsWith("- ", StringComparison.Ordinal));
    }

    [Fact]
    public void AHostAndStatusSharedByEverySiloGoAboveTheTable()
    {
        MembershipEntry[] members = [Entry("10.77.0.11", SiloStatus.Active, Start), Entry("10.77.0.12", SiloStatus.Active, Start)];
        members[1].HostName = members[0].HostName;
        var text = new StringWriter();
        SilosCommand.Write(ConsoleFactory.For(text, isTerminal: false), SiloRow.From(members, []), Start);
        string[] lines = text.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("every silo: host=host-10.77.0.11, status=active", lines[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(4, "4 s ago")]
    [InlineData(130, "2 min ago")]
    [InlineData(3 * 3600, "3 h ago")]
    [InlineData(3 * 86400, "3 d ago")]
    public void AgesAreShort(int seconds, string expected)
    {
        Assert.Equal(expected, SilosCommand.Ago(Start, Start.AddSeconds(seconds)));
    }

    [Fact]
    public void TheJsonHasEveryFieldWithNullForAnUnknownPool()
    {
        MembershipEntry[] members = [Entry("10.77.0.12", SiloStatus.Dead, Start)];
        using JsonDocument json = JsonDocument.Parse(SilosCommand.Json(SiloRow.From(members, [])));
        JsonElement silo = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal("10.77.0.12:11111", silo.GetProperty("address").GetString());
        Assert.Equal("dead", silo.GetProperty("status").GetString());
        Assert.Equal(Start, silo.GetProperty("started").GetDateTime().ToUniversalTime());
        Assert.Equal(JsonValueKind.Null, silo.GetProperty("slots").ValueKind);
        Assert.Equal(JsonValueKind.Null, silo.GetProperty("busy").ValueKind);
    }

    private static MembershipEntry Entry(string address, SiloStatus status, DateTime started) => new()
    {
        SiloAddress = SiloAddress.New(new IPEndPoint(IPAddress.Parse(address), 11111), 1),
        Status = status,
        HostName = "host-" + address,
        SiloName = "silo",
        StartTime = started,
        IAmAliveTime = started.AddSeconds(30),
    };
}
