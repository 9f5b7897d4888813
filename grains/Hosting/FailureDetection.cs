using Orleans.Configuration;

namespace Wallet.Hosting;

/// <summary>
/// Faster failure detection than Orleans' defaults (which take 5 to 12 s or more to evict a dead
/// silo), so movements flow again soon after a crash; the README states what was measured.
/// </summary>
public static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 1;
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
    }
}
