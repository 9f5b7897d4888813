using System.Security.Cryptography;

namespace Wallet.RedPackets;

/// <summary>
/// How a packet's total is cut into shares when it is sent. A random split is a uniform random composition: N − 1
/// distinct cut points drawn uniformly from the T − 1 places between the total's fen, the shares the gaps between them.
/// Every composition of T into N positive parts is equally likely, so the shares are exchangeable: each position's
/// expected share is T / N, none is favoured by when it is claimed, every share is at least one fen, and they sum to T
/// exactly (no rounding anywhere). WeChat's "double mean" draws each share from what is left, which is fair in the mean
/// too but not exchangeable in its spread; this one is simpler to reason about.
/// </summary>
public static class RedPacketSplits
{
    /// <summary>The shares of a packet: <paramref name="shares"/> times <paramref name="amount"/>, or <paramref name="amount"/> split at random.</summary>
    public static List<long> Of(RedPacketSplit split, long amount, int shares) => split switch
    {
        RedPacketSplit.Fixed => Enumerable.Repeat(amount, shares).ToList(),
        RedPacketSplit.Random => Random(amount, shares, RandomNumberGenerator.GetInt32),
    };

    /// <summary>
    /// <paramref name="total"/> in <paramref name="shares"/> random parts of at least one each; <paramref name="below"/>(n) draws
    /// uniformly from 0 to n − 1 (the bank's cryptographic generator, or a seeded one in tests).
    /// </summary>
    public static List<long> Random(long total, int shares, Func<int, int> below)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shares, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(total, shares);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, int.MaxValue);
        var cuts = new SortedSet<long>();
        while (cuts.Count < shares - 1)
        {
            cuts.Add(1 + below((int)total - 1)); // a cut after fen 1 .. T − 1; a repeat is drawn again
        }
        var parts = new List<long>(shares);
        var previous = 0L;
        foreach (var cut in cuts.Append(total))
        {
            parts.Add(cut - previous);
            previous = cut;
        }
        return parts;
    }
}
