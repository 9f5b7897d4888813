using Npgsql;

namespace Wallet.Storage;

/// <summary>
/// Applies the project's versioned SQL migrations (embedded <c>Storage/Migrations/NNNN_name.sql</c>)
/// in order, each once. All of it runs in one database transaction under an advisory lock, so
/// silos that start together take turns and a failed migration leaves nothing half-applied.
/// </summary>
public sealed partial class SchemaMigrator(NpgsqlDataSource database, ILogger<SchemaMigrator> logger)
{
    /// <summary>An arbitrary constant that names this project's migration lock in pg_advisory_xact_lock.</summary>
    private const long LockKey = 0x57414C4C4554; // "WALLET"

    public static IReadOnlyList<(int Version, string Name)> Known { get; } = typeof(SchemaMigrator).Assembly.GetManifestResourceNames()
        .Where(n => n.Contains(".Storage.Migrations.", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
        .Select(n => n[(n.IndexOf(".Storage.Migrations.", StringComparison.Ordinal) + ".Storage.Migrations.".Length)..^4])
        .Select(name => (int.Parse(name[..4], System.Globalization.CultureInfo.InvariantCulture), name))
        .OrderBy(m => m.Item1)
        .ToList();

    /// <summary>Brings the schema up to date; returns the names of the migrations it applied.</summary>
    public async Task<IReadOnlyList<string>> Migrate(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await Migrate(connection, cancellationToken);
        }
        catch (PostgresException denied) when (denied.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            throw await SchemaPermissionDeniedException.Explain(connection, denied, cancellationToken);
        }
    }

    private async Task<IReadOnlyList<string>> Migrate(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await Execute(connection, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);
        await Execute(connection, """
            CREATE TABLE IF NOT EXISTS wallet_schema_migrations (
                version    integer     PRIMARY KEY,
                name       text        NOT NULL,
                applied_at timestamptz NOT NULL DEFAULT now())
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT version FROM wallet_schema_migrations", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }

        var done = new List<string>();
        foreach (var (version, name) in Known.Where(m => !applied.Contains(m.Version)))
        {
            await Execute(connection, Script(name), cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO wallet_schema_migrations (version, name) VALUES ($1, $2)", connection)
            {
                Parameters = { new() { Value = version }, new() { Value = name } },
            };
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add(name);
        }
        await transaction.CommitAsync(cancellationToken);
        LogMigrated(logger, done.Count, Known.Count, string.Join(", ", done));
        return done;
    }

    private static string Script(string name)
    {
        var resource = typeof(SchemaMigrator).Assembly.GetManifestResourceNames().Single(n => n.EndsWith($".Storage.Migrations.{name}.sql", StringComparison.Ordinal));
        using var stream = typeof(SchemaMigrator).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema up to date: applied {Applied} of {Known} migrations ({Names})")]
    private static partial void LogMigrated(ILogger logger, int applied, int known, string names);
}
