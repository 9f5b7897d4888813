using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// The book's side of a status change (<see cref="WalletStatusGrain"/> decides who may ask and reports it):
/// each is applied in the book, inside the status grain's transaction, so it waits for the movements
/// under way and binds every later one; the profile's copy follows once it has committed.
/// </summary>
public sealed partial class WalletGrain
{
    public async Task Shift(StatusChange change)
    {
        if (change.Kind == StatusChangeKind.Close)
        {
            await Shut();
            return;
        }
        var refusal = await book.PerformUpdate(b =>
        {
            var refused = change.Refuses(b.Status);
            if (refused is null)
            {
                b.Status = change.Next(b.Status);
            }
            return refused;
        });
        if (refusal is not null)
        {
            throw refusal.AsException();
        }
    }

    /// <summary>
    /// Closes the wallet for good, only when it holds nothing: its tills are emptied into the book and
    /// shut in the same transaction, so no credit can land after the balance was found zero.
    /// </summary>
    private async Task Shut()
    {
        var (balance, status, holds) = await book.PerformRead(b => (b.Balance, b.Status, b.Holds.Count));
        if (status == WalletStatus.Closed)
        {
            return;
        }
        if (holds > 0)
        {
            throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "The wallet has money held for a merchant: wait for it to be captured, voided or to expire.");
        }
        await book.PerformUpdate(_ => true); // the wallet's lock before the tills', as in every sweep
        var takings = await TillSet.Drain(TillCount, closing: true);
        await PostTakings(takings);
        if (balance + takings.Sum(t => t.Credits.Sum(c => c.Posting.Amount)) != 0)
        {
            throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "Only an empty wallet can be closed: move its money out first.");
        }
        await book.PerformUpdate(b => b.Status = WalletStatus.Closed);
    }

    public async Task CopyStatus(WalletStatus status)
    {
        if (profile.RecordExists && profile.State.Status != status)
        {
            profile.State.Status = status;
            await profile.WriteStateAsync();
        }
    }
}
