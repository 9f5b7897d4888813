using Wallet.Customers;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Risk;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Risk;

/// <summary>
/// The restrictions as the wallets enforce them, set directly on the customer (the rules that set
/// them have their own tests): a restriction binds every movement after its transaction commits, and a
/// movement held for review is carried out or let go exactly once.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class RestrictionTests(ClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_restriction_waits_for_movements_under_way_and_binds_every_one_after_it()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);

        var racing = Enumerable.Range(0, 20).Select(i => _bank.Transfer(alice, wallet, bobWallet, 100)).ToList();
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.ReceiveOnly);
        var after = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => _bank.Transfer(alice, wallet, bobWallet, 100)));
        var before = await Task.WhenAll(racing);

        Assert.All(after, r => Assert.Equal((MovementStatus.Refused, RefusalCodes.AccountReceiveOnly), (r.Status, r.Refusal?.Code)));
        var sent = before.Count(r => r.Status == MovementStatus.Completed) * 100L;
        Assert.Equal((100_000 - sent, sent), (await _bank.Balance(alice, wallet), await _bank.Balance(bob, bobWallet)));
        await _bank.AssertBalanced(wallet, bobWallet);
    }

    [Fact]
    public async Task A_held_transfer_is_carried_out_once_however_often_it_is_released()
    {
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var held = await _bank.Transfer(alice, wallet, bobWallet, 4_000);
        Assert.Equal(MovementStatus.HeldForReview, held.Status);

        var movement = MovementIds.Reviewable(fixture.Grains, held.MovementId)!;
        var decisions = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            try
            {
                return (await movement.Release("ops_test")).Status.ToString();
            }
            catch (WalletRefusedException refused)
            {
                return refused.Code;
            }
        }));

        Assert.Equal(1, decisions.Count(d => d == nameof(MovementStatus.Completed)));
        Assert.All(decisions.Where(d => d != nameof(MovementStatus.Completed)), d => Assert.Equal(RefusalCodes.NotPending, d));
        Assert.Equal((6_000L, 4_000L), (await _bank.Balance(alice, wallet), await _bank.Balance(bob, bobWallet)));
        await _bank.AssertBalanced(wallet, bobWallet);
    }

    [Fact]
    public async Task A_held_qr_payment_released_under_a_discount_is_told_at_what_the_payer_paid_not_the_list_price()
    {
        var (merchant, onboarded) = await _bank.NewMerchant("Tea House", "5814");
        var now = DateTimeOffset.UtcNow;
        await fixture.Grains.GetGrain<Promotions.IMerchantPromotionsGrain>(onboarded.MerchantId).Launch(
            new Promotions.CampaignTerms("20% off", Promotions.CampaignKind.Discount, 100_000, now.AddHours(-1), now.AddDays(1), PercentOff: 20),
            new Identity.IdempotentRequest("launch", "launch"));
        var code = (await merchant.IssueQrCode(null, "CNY", null, null)).Code;
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var payment = fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}");
        var held = await payment.Pay(new PaymentOrder(alice.Id, "tea", wallet, onboarded.MerchantId, code.QrCodeId, 2_000, "CNY", PaymentAuthorisation.WithPin(TestData.Pin)));
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.None);

        var released = await payment.Release("ops_test");

        Assert.Equal((MovementStatus.HeldForReview, 2_000L), (held.Status, held.HeldAmount));
        Assert.Equal((MovementStatus.Completed, 1_600L), (released.Status, released.SenderPays));
        Assert.Equal(8_400, await _bank.Balance(alice, wallet));
        var notice = (await fixture.Grains.GetGrain<Wallet.Notifications.INotificationInboxGrain>(alice.Id).List(null, 20)).Items.Single(n => n.Kind == "movement_reviewed");
        Assert.Contains("16.00", notice.Body, StringComparison.Ordinal);
        await _bank.AssertBalanced(wallet, onboarded.SettlementWalletId);
    }

    [Fact]
    public async Task A_payment_abroad_held_for_review_is_released_at_the_rate_it_was_held_at_in_the_wallets_currency()
    {
        var (_, onboarded) = await _bank.NewMerchant("Kowloon Tea", "5814", "Hong Kong", currency: "HKD");
        var code = (await fixture.Grains.GetGrain<IMerchantGrain>(onboarded.MerchantId).IssueQrCode(null, "HKD", null, null)).Code;
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var payment = fixture.Grains.GetGrain<IQrPaymentGrain>($"py_{Guid.NewGuid():N}");
        var held = await payment.Pay(new PaymentOrder(alice.Id, "tea abroad", wallet, onboarded.MerchantId, code.QrCodeId, 2_000, "HKD", PaymentAuthorisation.WithPin(TestData.Pin)));
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.None);
        Assert.Equal((MovementStatus.HeldForReview, "CNY", "HKD"), (held.Status, held.SenderCurrency, held.Currency));
        Assert.Equal(held.Exchange!.WalletAmount, held.HeldAmount); // held in the wallet's own currency
        await Task.Delay(SimulatedFxRateSource.MovesEvery); // the feed's rate has moved on by the release

        var released = (PaymentReceipt)await payment.Release("ops_test");

        Assert.Equal((MovementStatus.Completed, held.Exchange), (released.Status, released.Exchange));
        Assert.Equal(10_000 - held.HeldAmount, await _bank.Balance(alice, wallet));
        Assert.Equal(2_000, (await fixture.Grains.GetGrain<IWalletGrain>(onboarded.SettlementWalletId).GetView(onboarded.MerchantId)).Balance);
        var notice = (await fixture.Grains.GetGrain<Wallet.Notifications.INotificationInboxGrain>(alice.Id).List(null, 20)).Items.Single(n => n.Kind == "movement_reviewed");
        Assert.Contains($"{Money.Amounts.Format(held.HeldAmount, "CNY")}", notice.Body, StringComparison.Ordinal);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_remittance_held_for_review_is_released_at_its_held_price_and_then_handed_to_the_correspondent()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var remittance = fixture.Grains.GetGrain<Wallet.Fx.IRemittanceGrain>(MovementIds.For(Workflow.Remittance, alice.Id, Guid.NewGuid().ToString()));
        var held = await remittance.Send(new Wallet.Fx.RemittanceOrder(alice.Id, "remit abroad", wallet, 1_000, "USD",
            new Wallet.Fx.Beneficiary("Chan Tai Man", "HSBCHKHHHKH", "123456789012"), Wallet.Fx.RemittancePurpose.Education, PaymentAuthorisation.WithPin(TestData.Pin)));
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.None);
        Assert.Equal((MovementStatus.HeldForReview, "CNY", Wallet.Fx.RemittanceStatus.NotSent), (held.Receipt.Status, held.Receipt.SenderCurrency, held.Status));
        Assert.Equal(held.Receipt.Principal + held.Receipt.Fee, held.Receipt.HeldAmount);
        await Task.Delay(SimulatedFxRateSource.MovesEvery); // the feed's rate has moved on by the release

        var released = (Wallet.Fx.RemittanceReceipt)await remittance.Release("ops_test");

        Assert.Equal((MovementStatus.Completed, held.Receipt.Exchange, held.Receipt.Fee), (released.Status, released.Exchange, released.Fee));
        Assert.Equal(100_000 - held.Receipt.HeldAmount, await _bank.Balance(alice, wallet));
        Assert.Equal(Wallet.Fx.RemittanceStatus.Sent, (await remittance.Find(alice.Id))!.Status);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_held_transfer_whose_recipient_closed_meanwhile_is_refused_at_release_and_its_money_let_go()
    {
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var held = await _bank.Transfer(alice, wallet, bobWallet, 4_000);
        await fixture.Grains.GetGrain<IWalletStatusGrain>(bobWallet).Close(bob.Id);

        var outcome = await MovementIds.Reviewable(fixture.Grains, held.MovementId)!.Release("ops_test");

        Assert.Equal((MovementStatus.Refused, RefusalCodes.WalletClosed), (outcome.Status, outcome.Refusal?.Code));
        var view = await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(alice.Id);
        Assert.Equal((10_000L, 10_000L), (view.Balance, view.Available));
        Assert.Empty((await fixture.Grains.GetGrain<IRiskMonitorGrain>(alice.Id).GetStanding()).Held);
        await _bank.AssertBalanced(wallet, bobWallet);
    }

    [Fact]
    public async Task A_frozen_owners_busy_wallet_takes_credits_in_its_book_which_refuses_them()
    {
        var carol = await _bank.NewCustomer(CustomerTiers.InPerson); // no balance cap: a busy wallet of hers switches to tills
        var busy = await _bank.OpenWallet(carol);
        var wallet = fixture.Grains.GetGrain<IWalletGrain>(busy);
        await Eventually.Value(async () =>
        {
            await Task.WhenAll(Enumerable.Range(0, 60).Select(_ => wallet.GetFactsToCredit())); // a burst of planned credits
            return (await wallet.GetFacts())!.ReceivingTills;
        }, tills => tills > 0, "the wallet switching to receiving tills");
        var (payer, from) = await _bank.FundedCustomer(10_000);

        await fixture.Grains.GetGrain<ICustomerGrain>(carol.Id).Restrict(Restriction.Freeze);
        var refused = await _bank.Transfer(payer, from, busy, 1_000);

        Assert.Equal(0, (await wallet.GetFacts())!.ReceivingTills);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.AccountFrozen), (refused.Status, refused.Refusal?.Code));
        Assert.Equal((10_000L, 0L), (await _bank.Balance(payer, from), await _bank.Balance(carol, busy)));
        await _bank.AssertBalanced(from, busy);
    }

    [Fact]
    public async Task A_release_that_meets_a_database_outage_leaves_the_transfer_held_and_a_later_release_carries_it_out()
    {
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var held = await _bank.Transfer(alice, wallet, bobWallet, 4_000);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.None);
        var movement = fixture.Grains.GetGrain<ITransferGrain>(held.MovementId);

        AbortInjection.FailDebitsAsStorage(wallet, times: TransactionRetry.MaxAttempts);
        var failed = await Assert.ThrowsAsync<WalletRefusedException>(() => movement.Release("ops_test"));
        AbortInjection.Clear(wallet);
        var stillHeld = await movement.Find(alice.Id);
        var released = await movement.Release("ops_test");

        Assert.Contains(failed.Code, new[] { RefusalCodes.StorageUnavailable, RefusalCodes.MovementInDoubt });
        Assert.Equal((MovementStatus.HeldForReview, MovementStatus.Completed), (stillHeld?.Status, released.Status));
        var view = await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(alice.Id);
        Assert.Equal((6_000L, 6_000L, 4_000L), (view.Balance, view.Available, await _bank.Balance(bob, bobWallet)));
        await _bank.AssertBalanced(wallet, bobWallet);
    }

    [Fact]
    public async Task A_held_transfer_is_rejected_and_released_after_its_grain_was_deactivated()
    {
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.NewCustomer();
        var bobWallet = await _bank.OpenWallet(bob);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.Review);
        var rejectedOne = await _bank.Transfer(alice, wallet, bobWallet, 4_000);
        var releasedOne = await _bank.Transfer(alice, wallet, bobWallet, 3_000);
        await fixture.Grains.GetGrain<ICustomerGrain>(alice.Id).Restrict(Restriction.None);
        await fixture.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero); // the movements now know only their stored records

        var rejected = await MovementIds.Reviewable(fixture.Grains, rejectedOne.MovementId)!.Reject("ops_test", "not the customer");
        var released = await MovementIds.Reviewable(fixture.Grains, releasedOne.MovementId)!.Release("ops_test");

        Assert.Equal((MovementStatus.Refused, MovementStatus.Completed), (rejected.Status, released.Status));
        Assert.Equal(("ops_test", "not the customer", "ops_test"), (rejected.Review?.OperatorId, rejected.Review?.Note, released.Review?.OperatorId));
        var view = await fixture.Grains.GetGrain<IWalletGrain>(wallet).GetView(alice.Id);
        Assert.Equal((7_000L, 7_000L, 3_000L), (view.Balance, view.Available, await _bank.Balance(bob, bobWallet)));
        await _bank.AssertBalanced(wallet, bobWallet);
    }
}
