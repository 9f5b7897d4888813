namespace Wallet.Tests.Infrastructure;

/// <summary>
/// Tests that start whole clusters, kill silos or stop the database. They run one at a time and
/// after the parallel tests, so timing-sensitive failover is not measured on a machine whose two
/// cores are busy with the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TopologyCollection
{
    public const string Name = "cluster topology";
}
