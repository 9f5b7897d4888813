using Wallet.Ledger;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>The wallets a movement debits and credits, as every workflow reaches them.</summary>
public abstract partial class MovementGrain<TReceipt, TRecord>
{
    /// <summary>
    /// The money between two wallets, inside the committing transaction. A busy wallet is paid through one of
    /// its tills, and its own lock is not taken at all. Otherwise wallets are locked in id order: a movement
    /// the other way round then waits instead of deadlocking. The receiving entry names the sending wallet; it is
    /// <paramref name="credited"/> in <paramref name="creditedCurrency"/> when that is not what left (a cashback's cut, a conversion).
    /// </summary>
    protected async Task<Refusal?> DebitThenCredit(string fromWalletId, Posting debit, WalletFacts to, long? credited = null, string? creditedCurrency = null)
    {
        var credit = debit with { Counterparty = fromWalletId, Amount = credited ?? debit.Amount, Currency = creditedCurrency ?? debit.Currency };
        var viaTill = to.ReceivingTills > 0;
        if (!viaTill && string.CompareOrdinal(to.WalletId, fromWalletId) < 0)
        {
            await Wallet(to.WalletId).Enlist();
        }
        if (await Wallet(fromWalletId).Debit(debit) is { } refusal)
        {
            return refusal;
        }
        await (viaTill
            ? GrainFactory.GetGrain<IWalletTillGrain>(Tills.KeyOf(to.WalletId, Tills.For(MovementId, to.ReceivingTills))).Credit(credit)
            : Wallet(to.WalletId).Credit(credit));
        return null;
    }

    /// <summary>One of the caller's own wallets, in the movement's currency (any, when null), open for money out (or in).</summary>
    protected async Task<WalletFacts> OwnWallet(string customerId, string walletId, string? currency, bool outgoing)
    {
        var facts = await Wallet(walletId).GetFacts();
        if (facts is null || facts.OwnerId != customerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        if (currency is not null && facts.Currency != currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The wallet holds {facts.Currency}, not {currency}.");
        }
        if ((outgoing ? WalletStatuses.RefusesOutgoing(facts.Status) : WalletStatuses.RefusesIncoming(facts.Status)) is { } refusal)
        {
            throw refusal.AsException();
        }
        return facts;
    }

    /// <summary>A wallet that takes money in, or not found.</summary>
    protected async Task<WalletFacts> Receiving(string walletId, string whose)
        => await Wallet(walletId).GetFactsToCredit() ?? throw WalletRefusedException.NotFound(whose);

    /// <summary>Lets go what this movement holds in a wallet, inside the transaction that records the outcome.</summary>
    protected Func<Task<Refusal?>> LetHoldGo(string walletId) => async () =>
    {
        await Wallet(walletId).ReleaseHold(MovementId);
        return null;
    };
}
