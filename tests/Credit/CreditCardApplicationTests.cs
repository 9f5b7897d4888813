using Wallet.Cards;
using Wallet.Credit;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Credit;

/// <summary>A credit-card application: decided by the scoring model; approved, the bank's new card is bound to the customer and tops up like any other.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class CreditCardApplicationTests(ClockedClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _bank = fixture.Scenario;

    public Task InitializeAsync()
    {
        fixture.SetShanghaiTime(2026, 3, 10, 10, 0);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<Replayable<CreditCardApplicationView>> Apply(TestCustomer customer, string key)
        => await fixture.Grains.GetGrain<ICreditCardApplicationGrain>(Ids.ForIdempotencyKey(IdPrefixes.CreditCardApplication, customer.Id, key))
            .Apply(customer.Id, new IdempotentRequest(key, "credit card"));

    [Fact]
    public async Task An_approved_application_binds_a_new_credit_card_that_then_tops_up()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000, CustomerTiers.RealName);

        var applied = await Apply(alice, "card-1");
        var again = await Apply(alice, "card-1");

        Assert.Equal(CreditCardApplicationStatus.Approved, applied.Value.Status);
        Assert.Equal(1_000_000, applied.Value.Decision.Limit);
        var cardId = Assert.IsType<string>(applied.Value.CardId);
        Assert.True(again.Replayed);
        Assert.Equal(cardId, again.Value.CardId);
        var pending = await fixture.Grains.GetGrain<ICardBindingGrain>(cardId).GetView(alice.Id);
        Assert.Equal((CardStatus.PendingVerification, CardKind.Credit), (pending.Status, pending.Kind));
        Assert.EndsWith("0005", pending.Masked, StringComparison.Ordinal);

        var code = Scenario.LatestCode(await fixture.Grains.GetGrain<ISmsOutboxGrain>(alice.Phone).List());
        await fixture.Grains.GetGrain<ICardBindingGrain>(cardId).Verify(alice.Id, code);
        var topUp = await _bank.TopUp(alice, wallet, cardId, 50_000);

        Assert.Equal(MovementStatus.Completed, topUp.Status);
        Assert.Equal(150_000, await _bank.Balance(alice, wallet));
        Assert.Contains((await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).GetProfile()).Cards, c => c.CardId == cardId && c.Status == CardStatus.Active);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_declined_application_says_why_and_binds_no_card()
    {
        var bob = await _bank.NewCustomer();

        var applied = await Apply(bob, "card-1");

        Assert.Equal(CreditCardApplicationStatus.Declined, applied.Value.Status);
        Assert.Null(applied.Value.CardId);
        Assert.Contains(applied.Value.Decision.Reasons, r => r.Code == CreditReasons.TierUnverified);
        Assert.Empty((await fixture.Grains.GetGrain<ICustomerGrain>(bob.Id).GetProfile()).Cards);
    }
}
