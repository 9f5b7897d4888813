using Orleans.Transactions;
using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Wallets;

/// <summary>A wallet paid by many at once receives through tills: no payment waits on one lock, and the books stay exact.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TillTests(ClusterFixture fixture)
{
    private const int Payers = 20;
    private const int PaymentsEach = 10;
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_merchant_paid_by_many_at_once_switches_to_tills_and_every_payment_lands_in_balance_and_history()
    {
        var (merchant, till) = await Merchant();
        var payers = await FundedPayers();

        var receipts = await PayAll(payers, till);

        Assert.All(receipts, r => Assert.Equal(MovementStatus.Completed, r.Status));
        Assert.True((await Facts(till)).ReceivingTills > 0, "a wallet credited hundreds of times a second receives through tills");
        var paid = receipts.Sum(r => r.Amount);
        Assert.Equal(paid, await _bank.Balance(merchant, till));
        var history = await Eventually.Value(() => History(merchant, till), h => h.Count == receipts.Length, "every payment in the merchant's history");
        Assert.Equal(Enumerable.Range(1, receipts.Length).Reverse().Select(n => (long)n), history.Select(e => e.Sequence));
        Assert.Equal(receipts.Select(r => r.MovementId).Order(), history.Select(e => e.MovementId).Order());
        Assert.Equal(paid, history[0].BalanceAfter);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_merchant_can_spend_what_its_tills_hold_before_any_sweep()
    {
        var (merchant, till) = await Merchant();
        var supplier = await _bank.OpenWallet(await _bank.NewCustomer());
        var payers = await FundedPayers();
        AbortInjection.AbortSweeps(till, 1_000_000);
        try
        {
            var paid = (await PayAll(payers, till)).Sum(r => r.Amount);
            Assert.True((await Facts(till)).ReceivingTills > 0);

            var spent = await _bank.Transfer(merchant, till, supplier, paid);

            Assert.Equal(MovementStatus.Completed, spent.Status);
            Assert.Equal(0, await _bank.Balance(merchant, till));
            // With every sweep aborting, the payments can have reached the book only through the debit's own drain.
            var history = await History(merchant, till);
            Assert.Equal(Payers * PaymentsEach + 1, history.Count);
            Assert.Equal((EntryDirection.Out, paid, 0L), (history[0].Direction, history[0].Amount, history[0].BalanceAfter));
            Assert.Equal(paid, history.Skip(1).Sum(e => e.Amount));
        }
        finally
        {
            AbortInjection.Clear(till);
        }
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task Closing_a_busy_wallet_empties_and_shuts_its_tills_so_no_payment_lands_after()
    {
        var (merchant, till) = await Merchant();
        var supplier = await _bank.OpenWallet(await _bank.NewCustomer(CustomerTiers.InPerson));
        var payers = await FundedPayers();
        AbortInjection.AbortSweeps(till, 1_000_000); // the takings stay in the tills until the close drains them
        try
        {
            var paid = (await PayAll(payers, till)).Sum(r => r.Amount);
            var tills = (await Facts(till)).ReceivingTills;
            Assert.True(tills > 0);
            await Assert.ThrowsAsync<WalletRefusedException>(() => fixture.Grains.GetGrain<IWalletStatusGrain>(till).Close(merchant.Id));
            Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(merchant, till, supplier, paid)).Status);

            var closed = await fixture.Grains.GetGrain<IWalletStatusGrain>(till).Close(merchant.Id);

            Assert.Equal(WalletStatus.Closed, closed.Status);
            var late = await Assert.ThrowsAsync<WalletRefusedException>(() => _bank.Transfer(payers[0].Customer, payers[0].Wallet, till, 1));
            Assert.Equal(RefusalCodes.WalletClosed, late.Code);
            // A payment that read the wallet's facts just before the close would still reach a till: every till refuses it.
            for (var t = 0; t < tills; t++)
            {
                var credit = new Posting("mv_late", MovementKind.Transfer, payers[0].Customer.Id, 1, "CNY", payers[0].Wallet, null);
                var aborted = await Assert.ThrowsAsync<OrleansTransactionAbortedException>(() => fixture.Transactions.RunTransaction(TransactionOption.Create,
                    () => fixture.Grains.GetGrain<IWalletTillGrain>(Tills.KeyOf(till, t)).Credit(credit)));
                Assert.Equal(RefusalCodes.WalletClosed, Assert.IsType<WalletRefusedException>(aborted.InnerException).Code);
            }
            Assert.Equal(0, await _bank.Balance(merchant, till));
        }
        finally
        {
            AbortInjection.Clear(till);
        }
        await _bank.AssertBooksBalance();
    }

    private async Task<(TestCustomer, string)> Merchant()
    {
        var merchant = await _bank.NewCustomer(CustomerTiers.InPerson); // no balance cap: a capped wallet never uses tills
        return (merchant, await _bank.OpenWallet(merchant));
    }

    private async Task<(TestCustomer Customer, string Wallet)[]> FundedPayers()
        => await Task.WhenAll(Enumerable.Range(0, Payers).Select(_ => _bank.FundedCustomer(100_000)));

    private Task<TransferReceipt[]> PayAll((TestCustomer Customer, string Wallet)[] payers, string till)
        => Task.WhenAll(payers.SelectMany(p => Enumerable.Range(1, PaymentsEach).Select(n => _bank.Transfer(p.Customer, p.Wallet, till, 100 + n))));

    private async Task<WalletFacts> Facts(string walletId) => (await fixture.Grains.GetGrain<IWalletGrain>(walletId).GetFacts())!;

    private async Task<List<WalletEntry>> History(TestCustomer owner, string walletId)
        => [.. (await fixture.Grains.GetGrain<IWalletStatementGrain>(walletId).GetEntries(owner.Id, new EntryQuery(10_000, null, null, null, null))).Items];
}
