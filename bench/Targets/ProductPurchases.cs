using Wallet.Customers;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Products;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 23's figure for the bank's products: what buying one costs beside a transfer. Each operation is a random customer
/// buying a few fen of one product from their wallet with their PIN: the debit, the product's clearing account and the
/// holding in one transaction (a fund's customers each add to their one holding). <paramref name="withQuota"/>: a closed-end
/// product with a quota, whose count every purchase draws on under the product's one lock; otherwise a fund, which keeps no
/// count. The books add what the product owes its holders to the bank's wallets.
/// </summary>
public sealed class ProductPurchases(GrainBank bank, bool withQuota) : IBenchTarget
{
    private string _productId = "";

    public string Name => $"{bank.Name} {(withQuota ? "quota product" : "fund")} purchases";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var terms = withQuota
            ? new ProductTerms(Ids.ForIdempotencyKey(IdPrefixes.Product, "bench", $"quota {today:yyyy-MM-dd}"), "Bench wealth", ProductKind.Wealth, 1, "CNY", 380, 0, 1,
                long.MaxValue / 4, null, today.AddDays(-1), today.AddDays(30), today.AddDays(400))
            : new ProductTerms(Ids.ForIdempotencyKey(IdPrefixes.Product, "bench", "fund"), "Bench fund", ProductKind.MoneyMarket, 1, "CNY", 250, 35, 1,
                null, null, null, null, null);
        var product = bank.Grains.GetGrain<IProductGrain>(terms.ProductId);
        await product.Create(terms);
        await product.Move(ProductStatus.Published);
        _productId = terms.ProductId;
        progress($"one {(withQuota ? "closed-end product with a quota" : "money-market fund")}, R1");
    }

    /// <summary>The owner of wallet <paramref name="from"/> buys <paramref name="amount"/> fen of the product from it.</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (wallet, owner) = bank.Account(from);
        var receipt = await BenchFailure.Counted(() => bank.Grains.GetGrain<IProductPurchaseGrain>(MovementIds.For(Workflow.ProductPurchase, owner, Guid.NewGuid().ToString()))
            .Buy(new ProductPurchaseOrder(owner, $"bench buy {from} {amount}", _productId, wallet, amount, PaymentAuthorisation.WithPin(BenchCustomers.Pin))));
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(receipt.Refusal?.Code ?? "refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>The bank's wallets and what the product owes its holders sum to what was opened.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        // With the yield the bank paid into it (negative): a run across Shanghai's midnight records a day's yield.
        var owed = await Sum(ClearingAccounts.Product(_productId)) + await Sum(ClearingAccounts.ProductYield);
        return books with { Total = books.Total + owed };
    }

    private async Task<long> Sum(string purpose)
        => (await Task.WhenAll(ClearingAccounts.ShardsOf(purpose, "CNY").Select(key => bank.Grains.GetGrain<IClearingAccountGrain>(key).ReadBalance()))).Sum();

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner
}
