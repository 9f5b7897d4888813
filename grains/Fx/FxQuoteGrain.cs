using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Money;
using Wallet.Refusals;

namespace Wallet.Fx;

/// <summary>
/// One quote: priced once at the pair's buy rate of the moment (the customer's side rounded in the bank's favour),
/// then used at most once, inside the converting movement's transaction.
/// </summary>
public sealed class FxQuoteGrain(
    [TransactionalState("quote", StorageNames.Wallet)] ITransactionalState<FxQuoteState> state,
    ReferenceRates rates,
    IOptions<FxOptions> options,
    ITransactionClient transactions,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IFxQuoteGrain
{
    /// <summary>Priced outside any transaction (a refusal is an answer, not an abort), then kept in one of its own.</summary>
    public async Task<FxQuote> Make(FxQuoteRequest request)
    {
        var quote = await Price(request);
        FxQuote? kept = null;
        await transactions.RunTransaction(TransactionOption.Create, async () => kept = await state.PerformUpdate(s => s.Quote ??= quote));
        return kept!.CustomerId == request.CustomerId ? kept : throw WalletRefusedException.NotFound("The quote");
    }

    public Task<FxQuote?> Find(string customerId) => state.PerformRead(s => s.Quote?.CustomerId == customerId ? s.Quote : null);

    public Task<FxQuote> Use(string customerId, string movementId) => state.PerformUpdate(s =>
    {
        var quote = s.Quote is { } q && q.CustomerId == customerId ? q : throw WalletRefusedException.NotFound("The quote");
        if (quote.RefusesUseBy(movementId, clock.GetUtcNow()) is { } refused)
        {
            throw refused;
        }
        return s.Quote = quote with { UsedBy = movementId };
    });

    private async Task<FxQuote> Price(FxQuoteRequest request)
    {
        var pair = request.Pair;
        if ((request.FromAmount is null) == (request.ToAmount is null) || !Amounts.IsValidMovement(request.FromAmount ?? request.ToAmount ?? 0))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A quote is for fromAmount or toAmount (one of them), 1 to {Amounts.Max} minor units.");
        }
        var rate = await GrainFactory.GetGrain<IFxDeskGrain>(0).Rate(pair); // refuses a currency the bank does not offer
        var (from, to) = request.FromAmount is { } paid
            ? (paid, FxArithmetic.Receives(paid, rate.Buy, pair))
            : (FxArithmetic.Pays(request.ToAmount!.Value, rate.Buy, pair), request.ToAmount.Value);
        if (from < 1 || to < 1)
        {
            throw new WalletRefusedException(RefusalCodes.AmountTooSmall, $"{Amounts.Format(from, pair.From)} converts to less than the smallest unit of {pair.To}.");
        }
        if (!Amounts.IsValidMovement(from) || !Amounts.IsValidMovement(to))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A conversion moves at most {Amounts.Max} minor units on either side.");
        }
        var now = clock.GetUtcNow();
        return new FxQuote(this.GetPrimaryKeyString(), request.CustomerId, pair, from, to, rate.Buy, rate.Mid, now, now + options.Value.QuoteValidFor,
            await QuotaDrawnBy(pair, to));
    }

    private Task<long> QuotaDrawnBy(CurrencyPair pair, long bought) => FxQuotaRule.DrawnBy(GrainFactory, rates.HomeCurrency, pair, bought);
}

[GenerateSerializer, Alias("Wallet.FxQuoteState")]
public sealed class FxQuoteState
{
    [Id(0)] public FxQuote? Quote { get; set; }
}
