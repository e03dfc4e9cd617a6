using ScaleSweep.Client.Cluster;
using Xunit;

namespace ScaleSweep.Client.Tests.Cluster;

/// <summary>
/// The registry of embedded runs sharing an Azurite one of them started (<see cref="AzuriteLeases"/>): the last
/// one out stops it, a dead process's lease does not keep it alive, and an Azurite no embedded run started is never
/// stopped. Process liveness is the test's own set of pids; the files are real.
/// </summary>
public sealed class AzuriteLeasesTests : IDisposable
{
    private const int AzuritePid = 4001;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "scalesweep-leases-test-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly HashSet<int> _alive = [AzuritePid];
    private readonly AzuriteLeases _leases;
    private readonly AzuriteOwner _owner;

    public AzuriteLeasesTests()
    {
        _leases = new AzuriteLeases(_folder, pid => _alive.Contains(pid));
        Directory.CreateDirectory(_folder);
        string pidFile = Path.Combine(_folder, "azurite.pid");
        File.WriteAllText(pidFile, AzuritePid + "\n");
        _owner = new AzuriteOwner(pidFile, "/data/azurite", "/deploy/azurite/azurite.sh");
    }

    [Fact]
    public void The_first_of_two_runs_to_end_leaves_it_running_and_the_second_stops_it()
    {
        _alive.UnionWith([1, 2]);
        _leases.SetOwner(_owner);
        _leases.Join(1);
        _leases.Join(2);

        Assert.Null(_leases.Leave(1));
        Assert.Equal(_owner, _leases.Owner());
        Assert.Equal(_owner, _leases.Leave(2));
        Assert.Null(_leases.Owner());
    }

    [Fact]
    public void A_killed_run_does_not_keep_it_alive()
    {
        _alive.Add(1);
        _leases.SetOwner(_owner);
        _leases.Join(1);
        _leases.Join(2); // killed with -9: its lease stays behind, its pid is gone

        Assert.Equal(_owner, _leases.Leave(1));
    }

    [Fact]
    public void An_azurite_no_embedded_run_started_is_never_stopped()
    {
        _alive.Add(1);
        _leases.Join(1);

        Assert.Null(_leases.Owner());
        Assert.Null(_leases.Leave(1));
    }

    [Fact]
    public void An_owner_whose_azurite_died_is_forgotten()
    {
        _leases.SetOwner(_owner);
        _alive.Remove(AzuritePid);

        Assert.Null(_leases.Owner());
        Assert.False(File.Exists(Path.Combine(_folder, "owner")));
    }

    [Fact]
    public async Task The_lock_is_held_by_one_holder_at_a_time()
    {
        IDisposable first = await _leases.LockAsync(CancellationToken.None);
        Task<IDisposable> second = _leases.LockAsync(CancellationToken.None);

        // The second waits while the first holds it (polled every 100 ms), and gets it once the first lets go.
        await Task.Delay(500);
        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second.WaitAsync(TimeSpan.FromSeconds(30))).Dispose();
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
