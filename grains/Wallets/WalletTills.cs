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

    private bool _switching;

    /// <summary>
    /// Counts a credit planned at <paramref name="now"/> and, once this second's count reaches the busy threshold, switches a
    /// wallet that <paramref name="maySwitch"/> to tills by <paramref name="switchToTills"/> (one switch at a time, not awaited:
    /// the credit that noticed goes on); a switch that fails is <paramref name="failed"/> and tried again the next busy second.
    /// </summary>
    public void NoteCredit(DateTimeOffset now, bool maySwitch, Func<Task> switchToTills, Action<Exception> failed)
    {
        if (Busy(now) && maySwitch && !_switching)
        {
            _switching = true;
            _ = Switch(switchToTills, failed);
        }
    }

    private async Task Switch(Func<Task> switchToTills, Action<Exception> failed)
    {
        try
        {
            await switchToTills();
        }
        catch (Exception exception)
        {
            failed(exception);
        }
        finally
        {
            _switching = false;
        }
    }

    /// <summary>Counts a credit planned at <paramref name="now"/>; true once this second's count reaches the busy threshold.</summary>
    private bool Busy(DateTimeOffset now)
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
