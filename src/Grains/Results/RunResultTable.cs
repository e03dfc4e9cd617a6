using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using ScaleSweep.Grains.Hosting;
using ScaleSweep.Grains.Runs;
using ScaleSweep.Numerics.Models;
using ScaleSweep.Sweeps.Runs;

namespace ScaleSweep.Grains.Results;

/// <summary>
/// Every run's stored state, its curve included, in one Azure table: a row per run, keyed by its run key,
/// and a partition per group (the configuration without its seed), so that a group reads all its seeds
/// in one query and the rows of runs that finish together are written in one transaction
/// (<see cref="TableBatchWriter"/>).
/// </summary>
/// <remarks>
/// The state is Orleans-serialized (binary, exact for doubles, version tolerant) and split over binary
/// columns D0, D1, ... of at most 64 KiB each (the service's limit per column; a row holds 1 MiB): the
/// longest allowed curve, 8,000 points, takes about 200 KB. Status and Step are also plain columns, for
/// a person reading the table.
/// </remarks>
public sealed class RunResultTable
{
    private const int Format = 1;
    private const int ChunkBytes = 64 * 1024;
    // Runs this silo stored as final lately (the first 64 bits of their keys), so that a request saying "no row"
    // (the group read its partition before the run ended) is not trusted for them: they are read, not recomputed.
    private const int RecentCapacity = 200_000;
    private readonly ConcurrentDictionary<ulong, byte> _recent = new();
    private readonly ConcurrentQueue<ulong> _recentOrder = new();
    private readonly Serializer _serializer;
    private readonly string _name;
    private readonly TableBatchWriter _writer;
    private Task<TableClient>? _table;

    public RunResultTable(StorageAccount account, IOptions<StorageOptions> options, Serializer serializer)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(options);
        _serializer = serializer;
        TableService = account.TableService;
        _name = options.Value.Prefix + "results";
        _writer = new TableBatchWriter(_ => Table());
    }

    /// <summary>Requests sent and rows written in them, for the benchmark's batching figure.</summary>
    public (long Requests, long Rows) Writes => (_writer.Batches, _writer.Entities);

    /// <summary>The account's table service (for tests that check the wiring).</summary>
    public TableServiceClient TableService { get; }

    /// <summary>The partition of <paramref name="config"/>'s row: its group, the configuration without the seed.</summary>
    public static string PartitionOf(SimulationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return (config with { Seed = 0 }).Fingerprint();
    }

    /// <summary>Whether this silo stored run <paramref name="key"/> as final lately (it has a row, whatever its group read before).</summary>
    internal bool StoredFinalLately(string key) => _recent.ContainsKey(Hash(key));

    /// <summary>The run's row; null when it was never stored.</summary>
    internal async Task<StoredRun?> ReadAsync(string partition, string key)
    {
        TableClient table = await Table();
        NullableResponse<TableEntity> response = await table.GetEntityIfExistsAsync<TableEntity>(partition, key);
        return response.HasValue ? Decode(response.Value!) : null;
    }

    /// <summary>Every stored run of one group.</summary>
    internal async Task<List<StoredRun>> ReadPartitionAsync(string partition)
    {
        TableClient table = await Table();
        var runs = new List<StoredRun>();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(filter))
        {
            runs.Add(Decode(entity));
        }

        return runs;
    }

    /// <summary>
    /// Deletes every row of <paramref name="partition"/>, in transactions of at most
    /// <see cref="TableBatchWriter.MaxActions"/>: the cluster warm-up's scratch partition once its round is done.
    /// </summary>
    /// <returns>Rows deleted.</returns>
    internal async Task<int> DeletePartitionAsync(string partition, CancellationToken cancellationToken)
    {
        TableClient table = await Table();
        string filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<TableEntity>();
        await foreach (TableEntity entity in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            keys.Add(entity);
        }

        for (int start = 0; start < keys.Count; start += TableBatchWriter.MaxActions)
        {
            var actions = keys.Skip(start).Take(TableBatchWriter.MaxActions)
                .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All));
            await table.SubmitTransactionAsync(actions, cancellationToken);
        }

        return keys.Count;
    }

    /// <summary>
    /// Stores <paramref name="state"/> as run <paramref name="key"/>'s row: added when <paramref name="etag"/>
    /// is null, else replaced only if the row is still at <paramref name="etag"/>.
    /// </summary>
    /// <returns>The row's new ETag.</returns>
    /// <exception cref="RequestFailedException">409 or 412: another activation wrote the row first.</exception>
    internal Task<ETag> WriteAsync(string partition, string key, RunGrainState state, ETag? etag)
    {
        (TableEntity entity, int bytes) = Encode(partition, key, state);
        return Remember(_writer.WriteAsync(entity, etag, bytes + 256), state.Status.IsFinal() ? key : null);
    }

    /// <summary>Run <paramref name="key"/>'s row holding <paramref name="state"/>, and the size of its serialized state; nothing is sent.</summary>
    internal (TableEntity Entity, int Bytes) Encode(string partition, string key, RunGrainState state)
    {
        byte[] data = _serializer.SerializeToArray(state);
        var entity = new TableEntity(partition, key)
        {
            ["Format"] = Format,
            ["Status"] = state.Status.ToString(),
            ["Step"] = state.Step,
        };

        int chunks = (data.Length + ChunkBytes - 1) / ChunkBytes;
        entity["Chunks"] = chunks;
        for (int i = 0; i < chunks; i++)
        {
            int start = i * ChunkBytes;
            entity["D" + i] = new BinaryData(data.AsMemory(start, Math.Min(ChunkBytes, data.Length - start)));
        }

        return (entity, data.Length);
    }

    private async Task<ETag> Remember(Task<ETag> write, string? finalKey)
    {
        ETag etag = await write;
        if (finalKey is not null && _recent.TryAdd(Hash(finalKey), 0))
        {
            _recentOrder.Enqueue(Hash(finalKey));
            while (_recentOrder.Count > RecentCapacity && _recentOrder.TryDequeue(out ulong old))
            {
                _recent.TryRemove(old, out _);
            }
        }

        return etag;
    }

    private static ulong Hash(string key) => ulong.Parse(key.AsSpan(0, Math.Min(16, key.Length)), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    /// <summary>A row as <see cref="Encode"/> made it, decoded; throws <see cref="InvalidDataException"/> for a row of another format or with a chunk missing.</summary>
    internal StoredRun Decode(TableEntity entity)
    {
        int format = entity.GetInt32("Format") ?? 0;
        if (format != Format)
        {
            throw new InvalidDataException($"Run {entity.RowKey}: stored row format {format} is not {Format}.");
        }

        int chunks = entity.GetInt32("Chunks") ?? 0;
        var data = new MemoryStream();
        for (int i = 0; i < chunks; i++)
        {
            BinaryData chunk = entity.GetBinaryData("D" + i) ?? throw new InvalidDataException($"Run {entity.RowKey}: stored chunk D{i} is missing.");
            data.Write(chunk.ToMemory().Span);
        }

        RunGrainState state = _serializer.Deserialize<RunGrainState>(data.ToArray()) ?? throw new InvalidDataException($"Run {entity.RowKey}: its stored state is empty.");
        return new StoredRun(entity.RowKey, state, entity.ETag);
    }

    // Made once; made again after a failure (storage down at the first use must not fail every later write).
    private Task<TableClient> Table()
    {
        Task<TableClient>? table = _table;
        if (table is null || table.IsFaulted || table.IsCanceled)
        {
            table = CreateTable();
            _table = table;
        }

        return table;
    }

    private async Task<TableClient> CreateTable()
    {
        TableClient table = TableService.GetTableClient(_name);
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
