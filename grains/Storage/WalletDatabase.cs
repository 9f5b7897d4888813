using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Wallet.Storage;

/// <summary>The PostgreSQL data source every provider of a process shares: one pool, sized from configuration.</summary>
public static class WalletDatabase
{
    public static NpgsqlDataSource Open(IConfiguration configuration)
    {
        var options = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        var connectionString = configuration.GetConnectionString(StorageOptions.ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"Wallet:Storage:Provider is postgres but ConnectionStrings:{StorageOptions.ConnectionStringName} is not set.");
        }
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Sets(builder, "Maximum Pool Size"))
        {
            builder.MaxPoolSize = options.MaxPoolSize;
        }
        if (!Sets(builder, "Max Auto Prepare"))
        {
            // The providers run a handful of fixed statements thousands of times a second; letting
            // Npgsql prepare them spares PostgreSQL a parse and plan per call.
            builder.MaxAutoPrepare = options.MaxAutoPrepare;
        }
        return NpgsqlDataSource.Create(builder);
    }

    /// <summary>
    /// Whether the connection string itself sets a key, under any of its spellings (the builder lists
    /// the keys it was given under their canonical names; its ContainsKey answers true for any known key).
    /// </summary>
    private static bool Sets(NpgsqlConnectionStringBuilder builder, string canonicalKey)
        => builder.Keys.Contains(canonicalKey, StringComparer.OrdinalIgnoreCase);
}
