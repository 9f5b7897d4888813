using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Events;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Bills.Analysis;

/// <summary>
/// The operators' check of the read model against the ledger: with the customer's events kept from the analysis
/// (their publishing made to fail), the test delivers all but one itself, and the check names the movement lost.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class SpendingReconciliationTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_lost_event_is_reported_with_its_movement_and_the_month_agrees_once_it_is_counted()
    {
        var scenario = cluster.Scenario;
        var (alice, wallet) = await scenario.FundedCustomer(50_000);
        var bob = await scenario.NewCustomer();
        var bobWallet = await scenario.OpenWallet(bob);
        PublishFaults.Fail(alice.Id, int.MaxValue); // nothing of Alice's reaches the analysis by itself from here
        try
        {
            var sent = new List<TransferReceipt>();
            foreach (var amount in new[] { 1_000L, 2_000, 3_000 })
            {
                sent.Add(await scenario.Transfer(alice, wallet, bobWallet, amount));
            }
            var month = SpendingMonth.Of(DateOnly.FromDateTime(sent[0].CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
            var analysis = cluster.Grains.GetGrain<ISpendingMonthGrain>(month.KeyFor(alice.Id));
            var reconciliation = cluster.Grains.GetGrain<ISpendingReconciliationGrain>(0);
            await analysis.Observe([.. sent.Take(2).Select(t => Out(alice.Id, t))]);

            var check = await reconciliation.Reconcile(alice.Id, month);
            Assert.False(check.Agrees);
            Assert.Equal((3, 2), (check.InLedger, check.InAnalysis));
            var lost = Assert.Single(check.Differences);
            Assert.Equal((sent[2].MovementId, SpendingDifferenceKind.MissingFromAnalysis, wallet, (long?)3_000, (long?)null),
                (lost.MovementId, lost.Kind, lost.WalletId, lost.LedgerAmount, lost.AnalysisAmount));

            // The lost event comes at last (its own id, as the movement's republication would carry it), and a counted
            // movement the ledger never booked is reported the other way.
            var ghost = Out(alice.Id, sent[0]) with { EventId = Ids.New("evt"), MovementId = Ids.New("tr") };
            await analysis.Observe([Out(alice.Id, sent[2]), ghost]);
            check = await reconciliation.Reconcile(alice.Id, month);
            Assert.Equal((ghost.MovementId, SpendingDifferenceKind.MissingFromLedger), (Assert.Single(check.Differences).MovementId, check.Differences[0].Kind));
            Assert.Equal((3, 4), (check.InLedger, check.InAnalysis));
        }
        finally
        {
            PublishFaults.Fail(alice.Id, 0);
        }
        await scenario.AssertBalanced(wallet, bobWallet);
    }

    [Fact]
    public async Task An_owners_category_counted_differently_from_the_ledger_is_reported()
    {
        var scenario = cluster.Scenario;
        var (alice, wallet) = await scenario.FundedCustomer(20_000);
        var bob = await scenario.NewCustomer();
        var bobWallet = await scenario.OpenWallet(bob);
        PublishFaults.Fail(alice.Id, int.MaxValue);
        try
        {
            var gift = await scenario.Transfer(alice, wallet, bobWallet, 4_000);
            var month = SpendingMonth.Of(DateOnly.FromDateTime(gift.CreatedAt.ToOffset(TimeSpan.FromHours(8)).DateTime));
            var analysis = cluster.Grains.GetGrain<ISpendingMonthGrain>(month.KeyFor(alice.Id));
            await analysis.Observe([Out(alice.Id, gift)]);
            Assert.True((await cluster.Grains.GetGrain<ISpendingReconciliationGrain>(0).Reconcile(alice.Id, month)).Agrees);

            // The read model told of a category the ledger's entry does not carry (no note was put on it).
            await analysis.Recategorise(gift.MovementId, SpendingCategory.Shopping);
            var differs = Assert.Single((await cluster.Grains.GetGrain<ISpendingReconciliationGrain>(0).Reconcile(alice.Id, month)).Differences);
            Assert.Equal((SpendingDifferenceKind.CategoryDiffers, (SpendingCategory?)SpendingCategory.Transfers, (SpendingCategory?)SpendingCategory.Shopping),
                (differs.Kind, differs.LedgerCategory, differs.AnalysisCategory));
        }
        finally
        {
            PublishFaults.Fail(alice.Id, 0);
        }
        await scenario.AssertBalanced(wallet, bobWallet);
    }

    /// <summary>The transfer's event to its sender, as the movement publishes it (the same id).</summary>
    private static MoneyMoved Out(string customerId, TransferReceipt transfer)
        => new(Ids.ForIdempotencyKey(IdPrefixes.Event, transfer.MovementId, "out"), customerId, transfer.CreatedAt, transfer.MovementId, MovementKind.Transfer,
            EntryDirection.Out, transfer.Amount, transfer.Currency, transfer.FromWalletId, transfer.ToWalletId, "cus_someone", null);
}
