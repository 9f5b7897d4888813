using Microsoft.Extensions.Logging.Abstractions;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Promotions;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Merchants;

/// <summary>A campaign's budget is drawn on inside each payment's transaction: however many pay at once, it is never overspent.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CampaignBudgetTests(ClusterFixture fixture)
{
    private const int Payers = 1_000;
    private const long Cashback = 100;
    private readonly Scenario _bank = fixture.Scenario;

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task A_thousand_payments_at_once_against_a_budget_for_a_hundred_cashbacks_give_exactly_a_hundred()
    {
        var (merchant, onboarded) = await _bank.NewMerchant("Bubble Tea", "5814");
        var now = DateTimeOffset.UtcNow;
        var campaigns = fixture.Grains.GetGrain<IMerchantPromotionsGrain>(onboarded.MerchantId);
        var campaign = (await campaigns.Launch(new CampaignTerms("¥1 back", CampaignKind.Cashback, 100 * Cashback, now.AddHours(-1), now.AddDays(1), Cashback: Cashback),
            new IdempotentRequest("launch", "launch"))).Value;
        var code = (await merchant.IssueQrCode(null, "CNY", null, null)).Code;
        var payers = new (TestCustomer Customer, string Wallet)[Payers];
        await Parallel.ForEachAsync(Enumerable.Range(0, Payers), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => payers[i] = await _bank.FundedCustomer(2_000));

        var receipts = await Task.WhenAll(payers.Select((p, i) =>
        {
            var payment = fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}");
            var order = new PaymentOrder(p.Customer.Id, $"tea {i}", p.Wallet, onboarded.MerchantId, code.QrCodeId, 500 + i % 7, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));
            return Scenario.AsAClientWould(() => payment.Pay(order));
        }));

        Assert.All(receipts, r => Assert.True(r.Status == MovementStatus.Completed, $"{r.Refusal?.Code}: {r.Refusal?.Detail}"));
        Assert.Equal(100, receipts.Count(r => r.Promotion is { Cashback: Cashback }));
        Assert.DoesNotContain(receipts, r => r.Promotion is not null && r.Promotion.Cashback != Cashback);
        Assert.Equal(100 * Cashback, (await campaigns.List()).Single(c => c.CampaignId == campaign.CampaignId).Spent);
        var settlement = await fixture.Grains.GetGrain<IWalletGrain>(onboarded.SettlementWalletId).GetView(onboarded.MerchantId);
        Assert.Equal(receipts.Sum(r => r.Paid) - 100 * Cashback, settlement.Balance);
        var balances = await Task.WhenAll(payers.Select(p => _bank.Balance(p.Customer, p.Wallet)));
        Assert.Equal(receipts.Select(r => 2_000 - r.Paid + (r.Promotion?.Cashback ?? 0)), balances);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_payment_whose_answer_was_in_doubt_does_not_hold_back_its_offer_from_later_payers()
    {
        var (merchant, onboarded) = await _bank.NewMerchant("Dumplings", "5814");
        var now = DateTimeOffset.UtcNow;
        await fixture.Grains.GetGrain<IMerchantPromotionsGrain>(onboarded.MerchantId).Launch(
            new CampaignTerms("¥1 back, once", CampaignKind.Cashback, Cashback, now.AddHours(-1), now.AddDays(1), Cashback: Cashback), new IdempotentRequest("launch", "launch"));
        var code = (await merchant.IssueQrCode(null, "CNY", null, null)).Code;
        var (shaky, shakyWallet) = await _bank.FundedCustomer(2_000);
        var (next, nextWallet) = await _bank.FundedCustomer(2_000);
        PaymentOrder Order(TestCustomer payer, string wallet) => new(payer.Id, "dumplings", wallet, onboarded.MerchantId, code.QrCodeId, 800, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));
        AbortInjection.AbortDebits(shakyWallet, times: TransactionRetry.MaxAttempts);

        var inDoubt = await Assert.ThrowsAsync<WalletRefusedException>(() => fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}").Pay(Order(shaky, shakyWallet)));
        AbortInjection.Clear(shakyWallet);
        var paid = await fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}").Pay(Order(next, nextWallet));

        Assert.Equal(RefusalCodes.MovementInDoubt, inDoubt.Code);
        Assert.Equal((MovementStatus.Completed, Cashback), (paid.Status, paid.Promotion?.Cashback));
        await _bank.AssertBalanced(shakyWallet, nextWallet, onboarded.SettlementWalletId);
    }

    [Fact]
    public async Task A_budget_portion_gives_no_more_than_it_holds_to_transactions_at_once_whatever_they_were_offered()
    {
        var portion = fixture.Grains.GetGrain<ICampaignBudgetGrain>(Campaigns.PortionKey($"cmp_{Guid.NewGuid():N}", 0));

        var taken = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            long granted = 0;
            await TransactionRetry.Run(NullLogger.Instance, "take", () => fixture.Transactions.RunTransaction(TransactionOption.Create, async () =>
                granted = await portion.Take(wanted: 300, portionBudget: 1_000, partial: false)));
            return granted;
        }));

        Assert.Equal((3, 900L), (taken.Count(t => t == 300), taken.Sum()));
        Assert.Equal(900, await portion.Spent());
    }
}
