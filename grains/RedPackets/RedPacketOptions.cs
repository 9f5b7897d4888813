namespace Wallet.RedPackets;

/// <summary>Red packets' rules (<c>Wallet:RedPackets</c>), in minor units of the packet's currency.</summary>
public sealed class RedPacketOptions
{
    public const string Section = "Wallet:RedPackets";

    /// <summary>How long a packet may be claimed; then what nobody claimed goes back to the sender.</summary>
    public TimeSpan ClaimWithin { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// How often the expiry's reminder asks again after the first time (an Orleans reminder: a minute at least), while the
    /// return has not happened (the sender's wallet refused it, or the silo stopped).
    /// </summary>
    public TimeSpan ReturnRetryEvery { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The most shares a group packet may have (a one-to-one packet has one).</summary>
    public int MaxShares { get; set; } = 100;

    /// <summary>The most one share may be, as WeChat's ¥200: a fixed packet's amount; a random packet's total is at most this times its shares.</summary>
    public long MaxShareAmount { get; set; } = 20_000;
}
