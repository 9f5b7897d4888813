using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Fx;

/// <summary>
/// A conversion between two of the customer's own wallets at a quote's rate. In one transaction: the source wallet
/// debited and the target credited (locked in id order, as a transfer's), the quote used, a purchase of foreign
/// currency drawn on the annual quota, and the bank's FX positions moved — up in the currency it took, down in the one
/// it gave — so each currency's books still sum to zero.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public sealed class ConversionGrain(
    [TransactionalState("movement", StorageNames.Wallet)] ITransactionalState<ConversionRecord> record,
    MovementServices services,
    LimitSchedule limits)
    : MovementGrain<ConversionReceipt, ConversionRecord>(record, services), IConversionGrain
{
    /// <summary>A replay after the conversion happened finds its quote used: the record answers it instead (<see cref="MovementGrain{TReceipt, TRecord}.CommitAsPlanned"/>).</summary>
    public Task<ConversionReceipt> Convert(ConversionOrder order) => CommitAsPlanned(order.CustomerId, order.Fingerprint, () => Plan(order), planned =>
    {
        var year = limits.DayOf(Clock.GetUtcNow()).Year;
        return Commit(order.CustomerId, order.Fingerprint, planned.Receipt, () => Move(order, planned.Quote, year));
    });

    public Task<ConversionReceipt?> Find(string customerId) => RecordedFor(customerId);

    private async Task<(ConversionReceipt Receipt, FxQuote Quote)> Plan(ConversionOrder order)
    {
        var quote = await GrainFactory.GetGrain<IFxQuoteGrain>(order.QuoteId).Find(order.CustomerId) ?? throw WalletRefusedException.NotFound("The quote");
        if (quote.RefusesUseBy(MovementId, Clock.GetUtcNow()) is { } refused)
        {
            throw refused; // early; the quote decides for good inside the transaction
        }
        var pair = quote.Pair;
        await PayerSays(order.CustomerId, order.Authorisation, order.Fingerprint, SignedPayment.Conversion, quote.FromAmount, pair.From, order.ToWalletId);
        var from = await OwnWallet(order.CustomerId, order.FromWalletId, pair.From, outgoing: true);
        var to = await OwnWallet(order.CustomerId, order.ToWalletId, pair.To, outgoing: false);
        return (Accepted(new ConversionReceipt(from.WalletId, to.WalletId, quote.QuoteId, quote.FromAmount, quote.ToAmount, pair.To, quote.Rate), pair.From), quote);
    }

    private async Task<Refusal?> Move(ConversionOrder order, FxQuote quote, int year)
    {
        var pair = quote.Pair;
        var to = await Wallet(order.ToWalletId).GetFacts() ?? throw WalletRefusedException.NotFound("The wallet");
        var memo = $"{Amounts.Format(quote.FromAmount, pair.From)} → {Amounts.Format(quote.ToAmount, pair.To)} at {quote.Rate}";
        var debit = new Posting(MovementId, MovementKind.Conversion, order.CustomerId, quote.FromAmount, pair.From, to.WalletId, memo, PayerAuthorised: true);
        if (await DebitThenCredit(order.FromWalletId, debit, to, quote.ToAmount, pair.To) is { } refused)
        {
            return refused; // nothing touched yet: the quote stays unused, the quota undrawn
        }
        // Each of these refuses by throwing, which aborts the money above with it.
        await GrainFactory.GetGrain<IFxQuoteGrain>(quote.QuoteId).Use(order.CustomerId, MovementId);
        if (quote.QuotaUsd > 0)
        {
            await GrainFactory.GetGrain<IFxQuotaGrain>(FxQuotas.KeyOf(order.CustomerId, year)).Draw(MovementId, quote.QuotaUsd);
        }
        await Fx.PositionsMove(pair.From, quote.FromAmount, pair.To, quote.ToAmount, order.FromWalletId);
        return null;
    }
}

[GenerateSerializer, Alias("Wallet.ConversionRecord")]
public sealed class ConversionRecord : MovementRecord<ConversionReceipt>;
