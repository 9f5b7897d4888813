using Orleans.Configuration;

namespace Wallet.Hosting;

/// <summary>
/// How the silos decide that one of them is dead: Orleans 10's own defaults, written out so that an
/// upgrade changing them is a visible decision here. Evicting a silo that was merely slow (a long GC
/// pause, a busy machine) kills it and every activation and transaction on it, which costs more than
/// the few seconds of stalled movements a quicker verdict would save; the README says what the crash
/// drills measure with these settings.
/// </summary>
public static class FailureDetection
{
    public static void Tune(ClusterMembershipOptions options)
    {
        // The first probe's timeout and the probe period; Orleans adapts both per silo to the answers it
        // sees, between half (2.5 s) and four times (20 s) this, and longer while this silo itself is unwell.
        options.ProbeTimeout = TimeSpan.FromSeconds(5);
        // Three probes in a row unanswered before a silo votes; the last one goes through another silo,
        // so one broken link between two healthy silos does not count as a death.
        options.NumMissedProbesLimit = 3;
        // Two silos must agree. Orleans asks for no more votes than half the active silos (rounded up), so a
        // cluster of two evicts on one vote and three need both survivors: the indirect probe counts the
        // silo it went through as the second voter.
        options.NumVotesForDeathDeclaration = 2;
    }
}
