using Npgsql;

namespace Wallet.Storage;

/// <summary>
/// The migration's role may not create what the schema needs — on PostgreSQL 15 and later a new role
/// cannot create in <c>public</c> unless it owns the database. An operator's setup to fix, said as the
/// grant that fixes it, not a stack trace.
/// </summary>
public sealed class SchemaPermissionDeniedException(string message, Exception inner) : Exception(message, inner)
{
    public static async Task<SchemaPermissionDeniedException> Explain(NpgsqlConnection connection, PostgresException denied, CancellationToken cancellationToken)
    {
        // The failed transaction is rolled back by now; ask who we are and where we tried to create.
        string role = connection.UserName ?? "this role", schema = "public", database = connection.Database;
        try
        {
            await using var who = new NpgsqlCommand("SELECT current_user, coalesce(current_schema(), 'public'), current_database()", connection);
            await using var reader = await who.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                (role, schema, database) = (reader.GetString(0), reader.GetString(1), reader.GetString(2));
            }
        }
        catch (NpgsqlException)
        {
            // The names from the connection string will do.
        }
        var message = denied.MessageText.Contains("schema", StringComparison.OrdinalIgnoreCase)
            ? $"role {role} cannot create in schema {schema} of database {database}: GRANT CREATE ON SCHEMA {schema} TO {role}, or make it the database owner (ALTER DATABASE {database} OWNER TO {role}). Nothing was migrated."
            : $"role {role} lacks a privilege the migration needs ({denied.MessageText}): run migrate as the owner of database {database} and its schema. Nothing was migrated.";
        return new SchemaPermissionDeniedException(message, denied);
    }
}
