namespace Wallet.Storage;

/// <summary>Where grain state lives (<c>Wallet:Storage</c>) and how the PostgreSQL pool is sized.</summary>
public sealed class StorageOptions
{
    public const string Section = "Wallet:Storage";
    public const string ConnectionStringName = "Wallet";

    /// <summary><c>memory</c> (lost on exit; embedded mode and fast tests) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = "memory";

    /// <summary>Npgsql's default of 100 per process exhausts the server when several silos share it.</summary>
    public int MaxPoolSize { get; set; } = 30;

    /// <summary>Statements per connection Npgsql prepares automatically once they repeat (0: none).</summary>
    public int MaxAutoPrepare { get; set; } = 32;

    /// <summary>
    /// Concurrent batches the group commit keeps in flight. More than one lets a new batch gather while
    /// the last one waits on PostgreSQL's flush; each holds one pooled connection while it runs.
    /// </summary>
    public int GroupCommitWriters { get; set; } = 4;

    /// <summary>The most state reads, writes and event appends one batch carries.</summary>
    public int GroupCommitMaxBatch { get; set; } = 128;

    /// <summary>Apply migrations when the silo starts (the explicit <c>migrate</c> command does it regardless).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public bool IsPostgres => string.Equals(Provider, "postgres", StringComparison.OrdinalIgnoreCase);
}
