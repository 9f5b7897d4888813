namespace Wallet.Storage;

/// <summary>Runs the migrations before anything in the silo touches the database (clustering included).</summary>
public sealed class MigrateOnStart(SchemaMigrator migrator) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle)
        => lifecycle.Subscribe(nameof(MigrateOnStart), ServiceLifecycleStage.First, async cancellationToken => await migrator.Migrate(cancellationToken));
}
