using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Wallets;

namespace Wallet.Tests.RedPackets;

/// <summary>A red packet sent is spending in red packets; a share claimed is income; the unclaimed rest back takes from red packets again.</summary>
public sealed class RedPacketSpendingTests
{
    [Theory]
    [InlineData(MovementKind.RedPacket, EntryDirection.Out, 888L)]
    [InlineData(MovementKind.RedPacket, EntryDirection.In, null)]
    [InlineData(MovementKind.Refund, EntryDirection.In, -888L)]
    public void A_red_packets_entries_count_as_the_analysis_says(MovementKind kind, EntryDirection direction, long? expected)
    {
        var entry = new WalletEntry(1, "rp_1", kind, direction, 888, "CNY", 0, "rp_1", null, DateTimeOffset.UnixEpoch, SpendingCategory.RedPackets);
        Assert.Equal(expected, SpendingRules.Of(entry, _ => false));
        Assert.Equal(SpendingCategory.RedPackets, SpendingCategories.Of(entry));
        Assert.Contains(SpendingCategory.RedPackets, SpendingRules.Spent);
    }
}
