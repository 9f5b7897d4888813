using Wallet.Customers;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Merchants;

/// <summary>A popular merchant: hundreds paying its static QR code at once, none failing for a transient reason.</summary>
[Collection(ClusterCollection.Name)]
public sealed class PopularMerchantTests(ClusterFixture fixture)
{
    private const int Payers = 500;
    private readonly Scenario _bank = fixture.Scenario;

    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Five_hundred_payers_paying_one_merchant_at_once_all_complete_and_the_books_sum_to_zero()
    {
        var (merchant, onboarded) = await _bank.NewMerchant("Station Cafe", "5814");
        var code = (await merchant.IssueQrCode(null, "CNY", null, null)).Code;
        var payers = new (TestCustomer Customer, string Wallet)[Payers];
        await Parallel.ForEachAsync(Enumerable.Range(0, Payers), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (i, _) => payers[i] = await _bank.FundedCustomer(1_000));

        // Each payer's app replays an answer that came back in doubt, as the API tells it to (CampaignBudgetTests does the same).
        var receipts = await Task.WhenAll(payers.Select((p, i) =>
        {
            var payment = fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}");
            var order = new PaymentOrder(p.Customer.Id, $"coffee {i}", p.Wallet, onboarded.MerchantId, code.QrCodeId, 100 + i % 7, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));
            return Scenario.AsAClientWould(() => payment.Pay(order));
        }));

        Assert.All(receipts, r => Assert.True(r.Status == MovementStatus.Completed, $"{r.Refusal?.Code}: {r.Refusal?.Detail}"));
        var settlement = await fixture.Grains.GetGrain<IWalletGrain>(onboarded.SettlementWalletId).GetView(onboarded.MerchantId);
        Assert.Equal(receipts.Sum(r => r.MerchantReceived), settlement.Balance);
        await _bank.AssertBooksBalance();
    }
}
