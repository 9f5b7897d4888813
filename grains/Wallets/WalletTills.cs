namespace Wallet.Wallets;

/// <summary>
/// A wallet's receiving tills as its grain reaches them, and the count of credits planned per second that tells
/// when the wallet proves busy (see <see cref="WalletGrain"/>'s tills). Holds no money itself: draining goes
/// into the caller's transaction, and what the tills hand over is posted by the wallet into its book.
/// </summary>
public sealed class WalletTills(IGrainFactory grains, string walletId, TillOptions options)
{
    private long _creditSecond;
    private int _creditsThisSecond;

    public IWalletTillGrain Till(int till) => grains.GetGrain<IWalletTillGrain>(Tills.KeyOf(walletId, till));

    /// <summary>What the first <paramref name="count"/> tills hold, together.</summary>
    public async Task<long> Balance(int count)
    {
        var tills = await Task.WhenAll(Enumerable.Range(0, count).Select(t => Till(t).ReadBalance()));
        return tills.Sum();
    }

    /// <summary>Drains the first <paramref name="count"/> tills in turn, in the caller's transaction (shutting them when <paramref name="closing"/>).</summary>
    public async Task<IReadOnlyList<TillTakings>> Drain(int count, bool closing = false)
    {
        var takings = new List<TillTakings>();
        for (var till = 0; till < count; till++)
        {
            takings.Add(await Till(till).Drain(closing));
        }
        return takings;
    }

    /// <summary>Counts a credit planned at <paramref name="now"/>; true once this second's count reaches the busy threshold.</summary>
    public bool NoteCredit(DateTimeOffset now)
    {
        var second = now.ToUnixTimeSeconds();
        if (second != _creditSecond)
        {
            _creditSecond = second;
            _creditsThisSecond = 0;
        }
        return ++_creditsThisSecond >= options.BusyCreditsPerSecond && options.Count > 0;
    }
}
