using Wallet.Customers;
using Wallet.Fx;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 21's figure: what a conversion costs beside a transfer. Every customer opens a USD wallet; each operation is
/// what an app does to buy dollars: a quote for ¥10 and some fen into USD, then the conversion with it from a random
/// CNY wallet (the PIN, the quote used, both wallets, two FX positions and the annual quota in one transaction). The
/// books count both currencies: the CNY wallets with the bank's CNY position sum to what was opened, and the USD wallets
/// with its USD position to nothing.
/// </summary>
public sealed class Conversions(GrainBank bank) : IBenchTarget
{
    private static readonly CurrencyPair CnyToUsd = new("CNY", "USD");
    private readonly Dictionary<string, string> _dollars = new(StringComparer.Ordinal);

    public string Name => $"{bank.Name} fx";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        var owners = Enumerable.Range(0, wallets).Select(w => bank.Account(w).Owner).Distinct(StringComparer.Ordinal).ToList();
        var opened = await Task.WhenAll(owners.Select(async owner => (owner, (await bank.Grains.GetGrain<ICustomerGrain>(owner)
            .OpenWallet("USD", new IdempotentRequest($"bench-usd-{owner}", "open"))).Value.WalletId)));
        foreach (var (owner, wallet) in opened)
        {
            _dollars[owner] = wallet;
        }
        progress($"{owners.Count:N0} USD wallets opened");
    }

    /// <summary>Buys dollars with ¥10 and <paramref name="amount"/> fen from wallet <paramref name="from"/> into its owner's USD wallet.</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (wallet, owner) = bank.Account(from);
        var receipt = await BenchFailure.Counted(async () =>
        {
            var quote = await bank.Grains.GetGrain<IFxQuoteGrain>(Ids.New(IdPrefixes.FxQuote)).Make(new FxQuoteRequest(owner, CnyToUsd, 1_000 + amount, null));
            return await bank.Grains.GetGrain<IConversionGrain>(MovementIds.For(Workflow.Conversion, owner, Guid.NewGuid().ToString()))
                .Convert(new ConversionOrder(owner, $"bench fx {from} {amount}", quote.QuoteId, wallet, _dollars[owner], PaymentAuthorisation.WithPin(BenchCustomers.Pin)));
        });
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(receipt.Refusal?.Code ?? "refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>Each currency on its own: CNY wallets and the CNY position to what was opened, USD wallets and the USD position to zero.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        var dollars = 0L;
        foreach (var (owner, wallet) in _dollars)
        {
            dollars += (await bank.Grains.GetGrain<Wallets.IWalletGrain>(wallet).GetView(owner)).Balance;
        }
        var (cny, usd) = (await Position("CNY"), await Position("USD"));
        // Each currency on its own (a fen made and a cent lost must not cancel): the dollars and the USD position sum to zero.
        return books with { Total = books.Total + cny, LedgerBalanced = books.LedgerBalanced && dollars + usd == 0 };
    }

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner

    private async Task<long> Position(string currency)
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(ClearingAccounts.FxPosition, currency)
            .Select(k => bank.Grains.GetGrain<IClearingAccountGrain>(k).ReadBalance()))).Sum();
}
