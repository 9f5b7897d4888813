using Wallet.Customers;
using Wallet.Fx;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Fx;

/// <summary>The FX steps as grain calls: wallets funded in any currency, quotes, conversions, and the bank's FX positions.</summary>
public sealed class Exchange(IGrainFactory grains, Scenario bank)
{
    /// <summary>A customer verified in person (no tier limits), with a wallet in each currency named, funded as given from a bound card.</summary>
    public async Task<(TestCustomer Customer, Dictionary<string, string> Wallets)> Customer(params (string Currency, long Amount)[] wallets)
    {
        var customer = await bank.NewCustomer(CustomerTiers.InPerson);
        var card = await bank.BindVerifiedCard(customer);
        var opened = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (currency, amount) in wallets)
        {
            var wallet = opened[currency] = await bank.OpenWallet(customer, currency);
            // In top-ups the simulated card takes (¥50,000 at most each).
            for (var left = amount; left > 0; left -= SimulatedCardIssuingBank.CardLimit)
            {
                var part = Math.Min(left, SimulatedCardIssuingBank.CardLimit);
                var topUp = await grains.GetGrain<ITopUpGrain>(MovementIds.For(Workflow.TopUp, customer.Id, Guid.NewGuid().ToString()))
                    .TopUp(new TopUpOrder(customer.Id, $"top-up {wallet} {part}", wallet, card, part, currency));
                Assert.True(MovementStatus.Completed == topUp.Status, $"top-up of {part} {currency}: {topUp.Refusal}");
            }
        }
        return (customer, opened);
    }

    public Task<FxQuote> Quote(TestCustomer customer, string from, string to, long? fromAmount = null, long? toAmount = null)
        => grains.GetGrain<IFxQuoteGrain>(Ids.New(IdPrefixes.FxQuote)).Make(new FxQuoteRequest(customer.Id, new CurrencyPair(from, to), fromAmount, toAmount));

    public Task<ConversionReceipt> Convert(TestCustomer customer, FxQuote quote, string fromWallet, string toWallet, string? key = null)
        => grains.GetGrain<IConversionGrain>(MovementIds.For(Workflow.Conversion, customer.Id, key ?? Guid.NewGuid().ToString()))
            .Convert(new ConversionOrder(customer.Id, $"convert {quote.QuoteId} {fromWallet} {toWallet}", quote.QuoteId, fromWallet, toWallet, PaymentAuthorisation.WithPin(TestData.Pin)));

    /// <summary>The bank's FX position in <paramref name="currency"/>: its shards summed.</summary>
    public Task<long> Position(string currency) => Clearing(ClearingAccounts.FxPosition, currency);

    /// <summary>One of the bank's clearing accounts in <paramref name="currency"/>: its shards summed.</summary>
    public async Task<long> Clearing(string purpose, string currency)
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(purpose, currency).Select(k => grains.GetGrain<IClearingAccountGrain>(k).ReadBalance()))).Sum();

    public Task<FxQuotaView> Quota(TestCustomer customer) => grains.GetGrain<IFxDeskGrain>(0).Quota(customer.Id);
}
