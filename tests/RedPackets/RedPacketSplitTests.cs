using Wallet.RedPackets;

namespace Wallet.Tests.RedPackets;

/// <summary>
/// The random split: exact (the shares sum to the total), at least one fen each, and fair: every position (the first claim,
/// the last) gets the same on average and spreads the same, so no one gains by claiming early or late.
/// </summary>
public sealed class RedPacketSplitTests
{
    [Fact]
    public void A_random_split_is_fair_to_every_position_over_many_packets()
    {
        const long total = 10_000;
        const int shares = 10;
        const int packets = 20_000;
        var random = new Random(20270128); // fixed: the same draws every run, so the bounds below cannot flake
        var sums = new double[shares];
        var squares = new double[shares];
        for (var i = 0; i < packets; i++)
        {
            var split = RedPacketSplits.Random(total, shares, random.Next);
            Assert.Equal(total, split.Sum());
            Assert.True(split.Min() >= 1, $"packet {i}: a share under one fen in [{string.Join(", ", split)}]");
            for (var position = 0; position < shares; position++)
            {
                sums[position] += split[position];
                squares[position] += (double)split[position] * split[position];
            }
        }
        // A uniform composition's share has mean T/N and variance (T/N)²(N−1)/(N+1) (T ≫ N): about 905 fen here, so the mean
        // of 20,000 is within ±6.4 fen one standard error; ±2 % (20 fen) is three errors.
        var expectedSpread = total / (double)shares * Math.Sqrt((shares - 1) / (double)(shares + 1));
        for (var position = 0; position < shares; position++)
        {
            var mean = sums[position] / packets;
            var spread = Math.Sqrt(squares[position] / packets - mean * mean);
            Assert.True(Math.Abs(mean - total / (double)shares) < 20, $"position {position}: mean share {mean:F1}, expected {total / shares}");
            Assert.True(Math.Abs(spread - expectedSpread) < expectedSpread * 0.03, $"position {position}: spread {spread:F1}, expected {expectedSpread:F1}");
        }
    }

    [Fact]
    public void Any_random_split_sums_to_its_total_with_every_share_at_least_one_fen()
    {
        for (var i = 0; i < 2_000; i++)
        {
            var shares = Random.Shared.Next(1, 101);
            var total = i % 10 == 0 ? shares : Random.Shared.NextInt64(shares, shares * 20_000L + 1); // every tenth: one fen a share, the tightest case
            var split = RedPacketSplits.Of(RedPacketSplit.Random, total, shares);
            Assert.Equal(shares, split.Count);
            Assert.True(split.Sum() == total, $"{shares} shares of {total} sum to {split.Sum()}");
            Assert.True(split.Min() >= 1, $"{shares} shares of {total}: a share under one fen");
        }
    }

    [Fact]
    public void A_fixed_split_gives_every_share_the_amount()
        => Assert.Equal(Enumerable.Repeat(888L, 8), RedPacketSplits.Of(RedPacketSplit.Fixed, 888, 8));
}
