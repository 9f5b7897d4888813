using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Serialization;
using Wallet.Storage.GroupCommit;

namespace Wallet.Events.Log;

/// <summary>Where a partition's reader is: the writing transaction's id, then the row's position within the log.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.Events.LogPosition")]
public readonly record struct LogPosition([property: Id(0)] long Xid, [property: Id(1)] long Position) : IComparable<LogPosition>
{
    public int CompareTo(LogPosition other) => (Xid, Position).CompareTo((other.Xid, other.Position));

    public static LogPosition Start => new(0, 0);
}

/// <summary>One event read back from the log, with where it was.</summary>
public sealed record LoggedEvent(LogPosition At, WalletEvent Event);

/// <summary>
/// The production event path (<c>wallet_event_log</c>): publishing appends the event to its customer's
/// partition inside the group commit's next batch, so it costs a statement in a round trip that is made
/// anyway, not a commit of its own; one reader per partition reads it back in commit-safe order.
/// </summary>
public sealed class EventLog(GroupCommit rows, NpgsqlDataSource database, Serializer serializer, IOptions<ClusterOptions> cluster, IOptions<EventOptions> options)
    : IWalletEventPublisher
{
    private string ServiceId => cluster.Value.ServiceId;

    public int Partitions => Math.Max(1, options.Value.LogPartitions);

    public int PartitionOf(string customerId) => (int)(Ledger.StableHash.Of(customerId) % Partitions);

    /// <summary>Completes once the event is durable in the log (its batch committed).</summary>
    public Task Publish(WalletEvent walletEvent) => rows.Send(StateRows.Append(ServiceId, Appends([walletEvent])));

    /// <summary>Events to be appended by a state write (a committed movement's, with its record).</summary>
    public LogAppends Appends(IEnumerable<WalletEvent> events)
    {
        var list = events.ToList();
        return new LogAppends([.. list.Select(e => (short)PartitionOf(e.CustomerId))], [.. list.Select(e => serializer.SerializeToArray(e))]);
    }

    /// <summary>
    /// Up to <paramref name="max"/> events of the partition after <paramref name="after"/>, in order. Only rows
    /// whose transaction is older than every one still running: none can commit behind them later.
    /// </summary>
    public async Task<IReadOnlyList<LoggedEvent>> Read(int partition, LogPosition after, int max, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            SELECT xid::text::bigint, position, event FROM wallet_event_log
            WHERE service_id = $1 AND partition = $2 AND (xid, position) > ($3::text::xid8, $4)
              AND xid < pg_snapshot_xmin(pg_current_snapshot())
            ORDER BY xid, position
            LIMIT $5
            """);
        Add(command, partition, after);
        command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = max });
        var events = new List<LoggedEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var walletEvent = serializer.Deserialize<WalletEvent>((byte[])reader.GetValue(2))
                ?? throw new InvalidOperationException("An event in the log read back as nothing.");
            events.Add(new LoggedEvent(new LogPosition(reader.GetInt64(0), reader.GetInt64(1)), walletEvent));
        }
        return events;
    }

    /// <summary>Where the partition's reader stopped (the start when it never read).</summary>
    public async Task<LogPosition> Position(int partition, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("SELECT xid::text::bigint, position FROM wallet_event_readers WHERE service_id = $1 AND partition = $2");
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)partition });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new LogPosition(reader.GetInt64(0), reader.GetInt64(1)) : LogPosition.Start;
    }

    /// <summary>Stores where the reader is, once per batch it delivered.</summary>
    public async Task Save(int partition, LogPosition at, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            INSERT INTO wallet_event_readers (service_id, partition, xid, position) VALUES ($1, $2, $3::text::xid8, $4)
            ON CONFLICT (service_id, partition) DO UPDATE SET xid = excluded.xid, position = excluded.position, moved_at = now()
            """);
        Add(command, partition, at);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Drops the partition's delivered events older than <see cref="EventOptions.LogKeptFor"/>, in one statement.</summary>
    public async Task<int> Trim(int partition, LogPosition delivered, CancellationToken cancellationToken = default)
    {
        await using var command = database.CreateCommand("""
            DELETE FROM wallet_event_log
            WHERE service_id = $1 AND partition = $2 AND (xid, position) <= ($3::text::xid8, $4) AND written_at < now() - $5
            """);
        Add(command, partition, delivered);
        command.Parameters.Add(new NpgsqlParameter<TimeSpan> { TypedValue = options.Value.LogKeptFor });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private void Add(NpgsqlCommand command, int partition, LogPosition at)
    {
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = (short)partition });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = at.Xid.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = at.Position });
    }
}
