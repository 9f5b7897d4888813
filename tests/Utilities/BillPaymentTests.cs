using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using Wallet.Utilities;
using Wallet.Wallets;

namespace Wallet.Tests.Utilities;

/// <summary>
/// A bill payment is one movement into the biller's clearing account, then the biller's word: paid, or the money back
/// exactly once (refused, or not confirmed in time), and a late confirmation after that is the operators' case.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class BillPaymentTests(ClockedClusterFixture fixture) : IAsyncLifetime
{
    private readonly Scenario _bank = fixture.Scenario;
    private readonly Billing _billing = new(fixture.Grains);

    public async Task InitializeAsync()
    {
        fixture.SetShanghaiTime(2026, 11, 20, 10, 0);
        await _billing.SeedBillers();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_bill_is_paid_into_the_billers_clearing_account_once_whoever_pays_it()
    {
        var water = SeededBillers.ShanghaiWater;
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var owed = await _billing.OwedTo(water);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, water, _ => true);

        var paid = await _billing.Pay(alice, payee, wallet);

        Assert.Equal((MovementStatus.Completed, BillerStatus.Paid), (paid.Receipt.Status, paid.BillerStatus));
        Assert.StartsWith("SIMREF", paid.Biller!.Reference, StringComparison.Ordinal);
        Assert.Equal(100_000 - bill.Amount, await _bank.Balance(alice, wallet));
        Assert.Equal(owed + bill.Amount, await _billing.OwedTo(water));
        var entry = Assert.Single(await _bank.Entries(alice, wallet), e => e.Kind == MovementKind.BillPayment);
        Assert.Equal((bill.Amount, water.BillerId, Wallet.Bills.SpendingCategory.Utilities), (entry.Amount, entry.Counterparty, entry.Category));
        Assert.Equal(paid.Receipt.MovementId, (await _billing.Payees(alice).CurrentBill(payee.PayeeId))!.PaidBy);
        Assert.Equal(BillerStatus.Paid, Assert.Single(await _billing.Payees(alice).ListPayments(payee.PayeeId)).Status);

        // The same bill again, by the same customer with another key or by a family member who saved the same account: refused, nothing moves.
        var again = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(alice, payee, wallet));
        Assert.Equal(RefusalCodes.BillAlreadyPaid, again.Code);
        var (bob, bobsWallet) = await _bank.FundedCustomer(100_000);
        var bobsPayee = await _billing.Payees(bob).Save(water.BillerId, payee.AccountNumber, "爸妈家水费", null);
        var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(bob, bobsPayee, bobsWallet));
        Assert.Equal(RefusalCodes.BillAlreadyPaid, refused.Code);
        Assert.Equal((100_000 - bill.Amount, 100_000L), (await _bank.Balance(alice, wallet), await _bank.Balance(bob, bobsWallet)));
        Assert.Equal(owed + bill.Amount, await _billing.OwedTo(water));
        await _bank.AssertBalanced(wallet, bobsWallet);
    }

    [Fact]
    public async Task A_biller_that_refuses_is_refunded_once_and_the_customer_told()
    {
        var power = SeededBillers.ShanghaiPower;
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var owed = await _billing.OwedTo(power);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, power, _ => true, SimulatedBillingCompany.Refuses);

        var paid = await _billing.Pay(alice, payee, wallet);
        await fixture.Grains.GetGrain<IBillPaymentGrain>(paid.Receipt.MovementId).FollowUp(); // the reminder's tick, after the refund

        Assert.Equal((MovementStatus.Completed, BillerStatus.Refunded), (paid.Receipt.Status, paid.BillerStatus));
        Assert.Equal("The account is closed at the biller.", paid.Biller!.Reason);
        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        Assert.Equal(owed, await _billing.OwedTo(power));
        var entries = await _bank.Entries(alice, wallet);
        Assert.Single(entries, e => e.Kind == MovementKind.BillPayment);
        var refund = Assert.Single(entries, e => e.Kind == MovementKind.Refund);
        Assert.Equal((bill.Amount, paid.Biller.RefundId), (refund.Amount, refund.MovementId));
        Assert.Single(await _billing.Told(alice, "bill_refunded"));
        Assert.Null((await _billing.Payees(alice).CurrentBill(payee.PayeeId))!.PaidBy); // the bill is unpaid again
        // The spending analysis counts the payment in utilities and takes its refund off there, not off "refunds".
        var counted = await Eventually.Value(() => fixture.Grains.GetGrain<ISpendingMonthGrain>(new SpendingMonth(2026, 11).KeyFor(alice.Id)).GetCounted(),
            c => c.Count == 2, "the payment and its refund counted");
        Assert.Equal([(SpendingCategory.Utilities, bill.Amount), (SpendingCategory.Utilities, -bill.Amount)],
            counted.OrderByDescending(c => c.Amount).Select(c => (c.Category, c.Amount)));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_biller_that_never_confirms_is_refunded_once_when_its_time_runs_out()
    {
        var gas = SeededBillers.ShanghaiGas;
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, gas, _ => true, SimulatedBillingCompany.Silent);

        var paid = await _billing.Pay(alice, payee, wallet);
        Assert.Equal(BillerStatus.Pending, paid.BillerStatus);
        Assert.Equal(100_000 - bill.Amount, await _bank.Balance(alice, wallet));
        var payment = fixture.Grains.GetGrain<IBillPaymentGrain>(paid.Receipt.MovementId);

        fixture.Clock.Set(paid.Biller!.ConfirmBy.AddSeconds(-1));
        Assert.Equal(BillerStatus.Pending, (await payment.FollowUp())!.BillerStatus);
        fixture.Clock.Set(paid.Biller.ConfirmBy);
        var ticks = await Task.WhenAll(payment.FollowUp(), payment.FollowUp(), payment.AsReference<IRemindable>().ReceiveReminder("biller-follow-up", default).ContinueWith(_ => (BillPaymentView?)null));
        Assert.All(ticks.OfType<BillPaymentView>(), t => Assert.Equal(BillerStatus.Refunded, t.BillerStatus));
        Assert.Equal("The biller did not confirm the payment in time.", (await payment.Find(alice.Id))!.Biller!.Reason);

        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        Assert.Single(await _bank.Entries(alice, wallet), e => e.Kind == MovementKind.Refund);
        Assert.Equal(BillerStatus.Refunded, Assert.Single(await _billing.Payees(alice).ListPayments(payee.PayeeId)).Status);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_biller_that_confirms_after_the_refund_is_an_operators_case_not_a_second_debit()
    {
        var gas = SeededBillers.ShanghaiGas;
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var owed = await _billing.OwedTo(gas);
        var (payee, _) = await _billing.PayeeWhoseBill(alice, gas, _ => true, SimulatedBillingCompany.ConfirmsLate);
        var paid = await _billing.Pay(alice, payee, wallet);
        var payment = fixture.Grains.GetGrain<IBillPaymentGrain>(paid.Receipt.MovementId);

        fixture.Clock.Set(paid.Biller!.ConfirmBy);
        Assert.Equal(BillerStatus.Refunded, (await payment.FollowUp())!.BillerStatus);
        fixture.Clock.Set(paid.Biller.SentAt + SimulatedBillingCompany.LateBy);
        var late = await payment.FollowUp();

        Assert.Equal(BillerStatus.ConfirmedAfterRefund, late!.BillerStatus);
        var @case = Assert.Single(await fixture.Grains.GetGrain<IBillerCasesGrain>(0).List(), c => c.PaymentId == paid.Receipt.MovementId);
        Assert.Equal((alice.Id, paid.Receipt.Amount, late.Biller!.RefundId), (@case.CustomerId, @case.Amount, @case.RefundId));
        Assert.Equal(100_000, await _bank.Balance(alice, wallet)); // refunded, and not debited again
        Assert.Equal(owed, await _billing.OwedTo(gas));
        Assert.Equal(BillerStatus.ConfirmedAfterRefund, (await payment.FollowUp())!.BillerStatus);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task A_slow_biller_leaves_the_payment_pending_until_its_follow_up_hears_it_was_paid()
    {
        var property = SeededBillers.ShanghaiProperty;
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, property, _ => true, SimulatedBillingCompany.Slow);

        var paid = await _billing.Pay(alice, payee, wallet);
        Assert.Equal(BillerStatus.Pending, paid.BillerStatus);
        var followed = await fixture.Grains.GetGrain<IBillPaymentGrain>(paid.Receipt.MovementId).FollowUp();

        Assert.Equal(BillerStatus.Paid, followed!.BillerStatus);
        Assert.Equal(100_000 - bill.Amount, await _bank.Balance(alice, wallet));
        Assert.Single(await _billing.Told(alice, "bill_paid"));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Prepaid_meters_and_phone_top_ups_take_the_amounts_their_billers_offer()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var meter = await _billing.Payees(alice).Save(SeededBillers.BeijingPrepaidPower.BillerId, Billing.Account(SeededBillers.BeijingPrepaidPower), "电表", null);
        var phone = await _billing.Payees(alice).Save(SeededBillers.ChinaMobile.BillerId, "13800138000", "我的手机", null);

        Assert.Equal(BillerStatus.Paid, (await _billing.Pay(alice, meter, wallet, 12_345)).BillerStatus);
        Assert.Equal(BillerStatus.Paid, (await _billing.Pay(alice, phone, wallet, 5_000)).BillerStatus);
        foreach (var (payee, amount) in new[] { (phone, 4_000L), (meter, 999L), (meter, 200_001L) })
        {
            var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(alice, payee, wallet, amount));
            Assert.Equal(RefusalCodes.AmountNotOffered, refused.Code);
        }
        var noAmount = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(alice, meter, wallet));
        Assert.Equal(RefusalCodes.ValidationFailed, noAmount.Code);
        Assert.Null(await _billing.Payees(alice).CurrentBill(meter.PayeeId));
        Assert.Equal(100_000 - 12_345 - 5_000, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Bad_account_numbers_unknown_billers_and_wrong_amounts_are_refused_with_nothing_moved()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var payees = _billing.Payees(alice);
        var power = Billing.Account(SeededBillers.ShanghaiPower);
        var wrongCheckDigit = power[..^1] + (char)('0' + (power[^1] - '0' + 1) % 10);
        foreach (var (biller, account) in new[]
        {
            (SeededBillers.ShanghaiPower, wrongCheckDigit), (SeededBillers.ShanghaiWater, "12345"), (SeededBillers.ShanghaiWater, "12345abcde"),
            (SeededBillers.ChinaMobile, "23800138000"), (SeededBillers.ShanghaiBroadband, "XY12345678"),
        })
        {
            var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => payees.Save(biller.BillerId, account, null, null));
            Assert.Equal(RefusalCodes.InvalidAccountNumber, refused.Code);
        }
        var unknown = await Assert.ThrowsAsync<WalletRefusedException>(() => payees.Save("bil_nowhere", "1234567890", null, null));
        Assert.Equal(RefusalCodes.NotFound, unknown.Code);
        Assert.Empty(await payees.List());

        var (payee, bill) = await _billing.PayeeWhoseBill(alice, SeededBillers.ShanghaiWater, _ => true);
        var partial = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(alice, payee, wallet, bill.Amount - 1));
        Assert.Equal(RefusalCodes.ValidationFailed, partial.Code);
        var nothingOwed = await payees.Save(SeededBillers.ShanghaiWater.BillerId, Billing.Account(SeededBillers.ShanghaiWater, SimulatedBillingCompany.NothingOwed), null, null);
        var noBill = await Assert.ThrowsAsync<WalletRefusedException>(() => _billing.Pay(alice, nothingOwed, wallet));
        Assert.Equal(RefusalCodes.NoBillDue, noBill.Code);
        var wrongPin = await fixture.Grains.GetGrain<IBillPaymentGrain>(MovementIds.For(Workflow.BillPayment, alice.Id, "wrong-pin"))
            .Pay(new BillPaymentOrder(alice.Id, "wrong pin", payee.PayeeId, wallet, null, "CNY", Wallet.Customers.PaymentAuthorisation.WithPin("000000")))
            .ContinueWith(t => t.Exception?.InnerException as WalletRefusedException);
        Assert.Equal(RefusalCodes.InvalidPin, wrongPin?.Code);
        var byMandate = await Assert.ThrowsAsync<WalletRefusedException>(() => fixture.Grains.GetGrain<IBillPaymentGrain>(MovementIds.For(Workflow.BillPayment, alice.Id, "no-mandate"))
            .Pay(new BillPaymentOrder(alice.Id, "no mandate", payee.PayeeId, wallet, null, "CNY", new Wallet.Customers.PaymentAuthorisation(null), ByMandate: true)));
        Assert.Equal(RefusalCodes.NotFound, byMandate.Code);

        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        Assert.DoesNotContain(await _bank.Entries(alice, wallet), e => e.Kind == MovementKind.BillPayment);
        await _bank.AssertBalanced(wallet);
    }
}
