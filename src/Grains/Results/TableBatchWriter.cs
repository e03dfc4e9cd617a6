using Azure;
using Azure.Data.Tables;

namespace ScaleSweep.Grains.Results;

/// <summary>
/// Writes table entities of many grains in entity-group transactions: writes to one partition that wait
/// together go in one request (at most <see cref="MaxActions"/> entities, <see cref="MaxBytes"/> of
/// payload), with <see cref="MaxInFlight"/> requests at once. A grain awaits its own write as if it were
/// alone; while the requests are busy, the writes of the runs that finish meanwhile gather into the next.
/// </summary>
/// <remarks>
/// Azure Storage runs a transaction all or nothing: when one action fails (another activation wrote the
/// entity, so its ETag no longer matches) the service names it, that write fails with the service's
/// error, and the others go again in the next request. Any other failure fails every write of the
/// request: their grains keep the data and retry, as for a single write.
/// </remarks>
internal sealed class TableBatchWriter(Func<CancellationToken, Task<TableClient>> table)
{
    /// <summary>Most actions in one transaction (the service's limit).</summary>
    public const int MaxActions = 100;

    /// <summary>Most bytes of entity payload in one transaction: the service allows 4 MiB in all.</summary>
    public const int MaxBytes = 3 << 20;

    /// <summary>Transactions sent at once; more would only queue at the storage account.</summary>
    public const int MaxInFlight = 4;

    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedList<Write>> _waiting = new(StringComparer.Ordinal);
    private readonly LinkedList<string> _ready = new();
    private int _inFlight;
    private long _batches;
    private long _entities;

    /// <summary>Transactions (or single writes) sent so far.</summary>
    public long Batches => Interlocked.Read(ref _batches);

    /// <summary>Entities written in them.</summary>
    public long Entities => Interlocked.Read(ref _entities);

    /// <summary>
    /// Stores <paramref name="entity"/>: added when <paramref name="etag"/> is null (it must not exist),
    /// else replaced if its stored ETag still equals <paramref name="etag"/>.
    /// </summary>
    /// <returns>The entity's new ETag.</returns>
    /// <exception cref="RequestFailedException">409 or 412: another writer changed it; other codes: storage failed.</exception>
    public Task<ETag> WriteAsync(ITableEntity entity, ETag? etag, int bytes)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var write = new Write(entity, etag, bytes);
        lock (_gate)
        {
            if (!_waiting.TryGetValue(entity.PartitionKey, out LinkedList<Write>? queue))
            {
                queue = new LinkedList<Write>();
                _waiting[entity.PartitionKey] = queue;
                _ready.AddLast(entity.PartitionKey);
            }

            queue.AddLast(write);
        }

        Pump();
        return write.Done.Task;
    }

    private void Pump()
    {
        while (true)
        {
            List<Write> batch;
            lock (_gate)
            {
                if (_inFlight >= MaxInFlight || _ready.First is null)
                {
                    return;
                }

                batch = TakeBatch(_ready.First.Value);
                _inFlight++;
                _batches++;
                _entities += batch.Count;
            }

            _ = Task.Run(() => Submit(batch));
        }
    }

    // Under the lock: the oldest partition's first writes, one per entity (the service refuses a row twice in a transaction).
    private List<Write> TakeBatch(string partition)
    {
        LinkedList<Write> queue = _waiting[partition];
        var batch = new List<Write>(Math.Min(queue.Count, MaxActions));
        var rows = new HashSet<string>(StringComparer.Ordinal);
        long bytes = 0;
        for (LinkedListNode<Write>? node = queue.First; node is not null && batch.Count < MaxActions;)
        {
            LinkedListNode<Write>? next = node.Next;
            Write write = node.Value;
            if (batch.Count > 0 && bytes + write.Bytes > MaxBytes)
            {
                break;
            }

            if (rows.Add(write.Entity.RowKey))
            {
                batch.Add(write);
                bytes += write.Bytes;
                queue.Remove(node);
            }

            node = next;
        }

        _ready.RemoveFirst();
        if (queue.Count == 0)
        {
            _waiting.Remove(partition);
        }
        else
        {
            // Behind the other partitions: one busy group must not starve the rest.
            _ready.AddLast(partition);
        }

        return batch;
    }

    private async Task Submit(List<Write> batch)
    {
        try
        {
            TableClient client = await table(CancellationToken.None);
            if (batch.Count == 1)
            {
                // One entity: a plain request is cheaper for the service than a transaction of one.
                Write only = batch[0];
                Response response = only.ETag is { } etag
                    ? await client.UpdateEntityAsync(only.Entity, etag, TableUpdateMode.Replace)
                    : await client.AddEntityAsync(only.Entity);
                only.Done.TrySetResult(response.Headers.ETag ?? default);
                return;
            }

            var actions = new List<TableTransactionAction>(batch.Count);
            foreach (Write write in batch)
            {
                actions.Add(write.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, write.Entity, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, write.Entity));
            }

            Response<IReadOnlyList<Response>> responses = await client.SubmitTransactionAsync(actions);
            for (int i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(responses.Value[i].Headers.ETag ?? default);
            }
        }
        catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is int failed && failed >= 0 && failed < batch.Count)
        {
            batch[failed].Done.TrySetException(e);
            batch.RemoveAt(failed);
            Requeue(batch);
        }
        catch (Exception e)
        {
            foreach (Write write in batch)
            {
                write.Done.TrySetException(e);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inFlight--;
            }

            Pump();
        }
    }

    private void Requeue(List<Write> batch)
    {
        if (batch.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            string partition = batch[0].Entity.PartitionKey;
            if (!_waiting.TryGetValue(partition, out LinkedList<Write>? queue))
            {
                queue = new LinkedList<Write>();
                _waiting[partition] = queue;
                _ready.AddFirst(partition);
            }

            for (int i = batch.Count - 1; i >= 0; i--)
            {
                queue.AddFirst(batch[i]);
            }
        }
    }

    private sealed class Write(ITableEntity entity, ETag? etag, int bytes)
    {
        public ITableEntity Entity { get; } = entity;

        public ETag? ETag { get; } = etag;

        public int Bytes { get; } = bytes;

        public TaskCompletionSource<ETag> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
