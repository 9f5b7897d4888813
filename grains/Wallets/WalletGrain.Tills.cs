namespace Wallet.Wallets;

/// <summary>
/// A busy wallet's receiving tills. A wallet about to be credited more than <see cref="TillOptions.BusyCreditsPerSecond"/>
/// times in a second (counted when movements plan their credit, so a burst is seen before its credits
/// queue on the book) switches to tills for good: movements read that from its facts and credit a till
/// instead (switching is safe at any moment, since a credit to the book and one to a till are both
/// whole). The balance is the book's plus the tills'; a debit the book alone cannot cover drains the
/// tills into the book within its own transaction, so a merchant can spend what it was just paid.
/// </summary>
public sealed partial class WalletGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Wallet {WalletId} is busy but could not switch to receiving tills")]
    private static partial void LogSwitchFailed(ILogger logger, string walletId, Exception exception);

    private WalletTills? _tills;

    private WalletTills TillSet => _tills ??= new(GrainFactory, this.GetPrimaryKeyString(), tillOptions.Value);

    public async Task<long> TakeTill(int till)
    {
        // The wallet's lock first, then the till's: the same order as a debit that drains tills.
        await book.PerformUpdate(_ => true);
        var takings = await TillSet.Till(till).Drain();
        await PostTakings([takings]);
        return takings.Mark;
    }

    private int TillCount => profile.RecordExists ? profile.State.Tills : 0;

    private async Task<long> TotalBalance() => checked(await book.PerformRead(b => b.Balance) + await TillsBalance());

    private Task<long> TillsBalance() => TillSet.Balance(TillCount);

    private async Task DrainTillsIfShort(long amount)
    {
        if (TillCount > 0 && await book.PerformRead(b => b.Balance) < amount)
        {
            await PostTakings(await TillSet.Drain(TillCount));
        }
    }

    private async Task PostTakings(IReadOnlyList<TillTakings> takings)
    {
        var credits = takings.SelectMany(t => t.Credits).OrderBy(c => c.ReceivedAt).Select(c => (c.Posting, EntryDirection.In, c.ReceivedAt)).ToList();
        if (credits.Count > 0)
        {
            await Post(credits);
        }
    }

    /// <summary>
    /// Counts planned credits per second and switches a busy wallet to tills (outside any transaction's outcome:
    /// a profile write). Not a wallet with a balance cap, whose credits must see the whole balance.
    /// </summary>
    private void NoteCredit(DateTimeOffset now, bool uncapped)
        => TillSet.NoteCredit(now, uncapped && TillCount == 0, SwitchToTills, exception => LogSwitchFailed(logger, this.GetPrimaryKeyString(), exception));

    /// <summary>The profile says tills from now on; not written, it says none again (the next busy second tries again).</summary>
    private async Task SwitchToTills()
    {
        profile.State.Tills = tillOptions.Value.Count;
        try
        {
            await profile.WriteStateAsync();
        }
        catch
        {
            profile.State.Tills = 0;
            throw;
        }
    }
}
