using Wallet.Customers;
using Wallet.Tests.Infrastructure;
using Wallet.Utilities;
using Wallet.Wallets;

namespace Wallet.Tests.Utilities;

/// <summary>
/// The bill calendar on the bank's fake clock: told before a bill is due and when it is overdue, once each, on the
/// Asia/Shanghai calendar across a month's end; autopay on the due date within the cap, never above it, never twice.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class BillCalendarTests(ClockedClusterFixture fixture) : IAsyncLifetime
{
    private static readonly BillerProfile Water = SeededBillers.ShanghaiWater;
    private readonly Scenario _bank = fixture.Scenario;
    private readonly Billing _billing = new(fixture.Grains);

    public async Task InitializeAsync()
    {
        fixture.SetShanghaiTime(2026, 11, 20, 10, 0);
        await _billing.SeedBillers();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Reminders_come_on_Shanghai_days_across_a_months_end_and_each_only_once()
    {
        var (alice, _) = await _bank.FundedCustomer(100_000);
        // November's bill (issued the 15th) due on 2 December: told from 29 November, overdue from 3 December.
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, Water, b => b.DueOn == new DateOnly(2026, 12, 2));
        var calendar = _billing.Calendar(alice);

        fixture.SetShanghaiTime(2026, 11, 28, 23, 59, 59);
        Assert.Empty(await calendar.Check());
        fixture.SetShanghaiTime(2026, 11, 29, 0, 0); // Shanghai's midnight: 16:00 UTC the day before
        Assert.Equal([$"bill_due {payee.PayeeId} {bill.BillRef}"], await calendar.Check());
        Assert.Empty(await calendar.Check());
        await calendar.AsReference<IRemindable>().ReceiveReminder("bill-calendar", default);
        fixture.SetShanghaiTime(2026, 12, 1, 9, 0);
        Assert.Empty(await calendar.Check());
        fixture.SetShanghaiTime(2026, 12, 2, 23, 59, 59);
        Assert.Empty(await calendar.Check());
        fixture.SetShanghaiTime(2026, 12, 3, 0, 0);
        Assert.Equal([$"bill_overdue {payee.PayeeId} {bill.BillRef}"], await calendar.Check());
        Assert.Empty(await calendar.Check());

        Assert.Single(await _billing.Told(alice, "bill_due"));
        Assert.Contains("2026-12-02", Assert.Single(await _billing.Told(alice, "bill_overdue")).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Autopay_pays_on_the_due_date_within_the_cap_once_however_often_the_reminder_fires()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, Water, b => b.DueOn > new DateOnly(2026, 11, 26));
        var calendar = _billing.Calendar(alice);
        await calendar.SetMandate(payee.PayeeId, wallet, bill.Amount, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));

        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.AddDays(-1).ToDateTime(new TimeOnly(23, 59)), TimeSpan.FromHours(8)));
        Assert.DoesNotContain(await calendar.Check(), d => d.StartsWith("autopaid", StringComparison.Ordinal));
        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.ToDateTime(new TimeOnly(0, 0)), TimeSpan.FromHours(8)));
        var ticks = await Task.WhenAll(calendar.Check(), calendar.Check(), calendar.AsReference<IRemindable>().ReceiveReminder("bill-calendar", default).ContinueWith(_ => (IReadOnlyList<string>)[]));
        // The reminder's own tick says nothing of what it did: whichever of the three paid, none paid after it.
        Assert.True(ticks.SelectMany(t => t).Count(d => d.StartsWith("autopaid", StringComparison.Ordinal)) <= 1);
        Assert.Empty(await calendar.Check());
        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.AddDays(1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));
        Assert.Empty(await calendar.Check()); // paid: not overdue

        Assert.Equal(100_000 - bill.Amount, await _bank.Balance(alice, wallet));
        var paid = Assert.Single(await _billing.Payees(alice).ListPayments(payee.PayeeId));
        Assert.Equal((BillerStatus.Paid, true), (paid.Status, paid.ByAutopay));
        Assert.Single(await _bank.Entries(alice, wallet), e => e.Kind == MovementKind.BillPayment);
        await _bank.AssertBalanced(wallet);
    }

    [Fact]
    public async Task Autopay_does_not_pay_a_bill_above_the_cap_and_tells_the_customer_once()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, Water, b => b.DueOn > new DateOnly(2026, 11, 26));
        var calendar = _billing.Calendar(alice);
        await calendar.SetMandate(payee.PayeeId, wallet, bill.Amount - 1, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));

        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8)));
        Assert.Equal([$"autopay_over_cap {payee.PayeeId} {bill.BillRef}"], await calendar.Check());
        Assert.Empty(await calendar.Check());
        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.AddDays(1).ToDateTime(new TimeOnly(0, 0)), TimeSpan.FromHours(8)));
        Assert.Equal([$"bill_overdue {payee.PayeeId} {bill.BillRef}"], await calendar.Check()); // still unpaid, and never paid late by the mandate

        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        Assert.Contains("above your autopay cap", Assert.Single(await _billing.Told(alice, "autopay_over_cap")).Body, StringComparison.Ordinal);
        Assert.Empty(await _billing.Payees(alice).ListPayments(payee.PayeeId));
    }

    [Fact]
    public async Task A_cancelled_mandate_pays_nothing_and_a_mandate_needs_the_PIN()
    {
        var (alice, wallet) = await _bank.FundedCustomer(100_000);
        var (payee, bill) = await _billing.PayeeWhoseBill(alice, Water, b => b.DueOn > new DateOnly(2026, 11, 26));
        var calendar = _billing.Calendar(alice);
        var wrongPin = await Assert.ThrowsAsync<Wallet.Refusals.WalletRefusedException>(() =>
            calendar.SetMandate(payee.PayeeId, wallet, 1_000_000, "CNY", PaymentAuthorisation.WithPin("000000")));
        Assert.Equal(Wallet.Refusals.RefusalCodes.InvalidPin, wrongPin.Code);
        Assert.Empty(await calendar.ListMandates());
        await calendar.SetMandate(payee.PayeeId, wallet, 1_000_000, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));
        Assert.True(await calendar.CancelMandate(payee.PayeeId));

        fixture.Clock.Set(new DateTimeOffset(bill.DueOn.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8)));
        Assert.DoesNotContain(await calendar.Check(), d => d.StartsWith("autopa", StringComparison.Ordinal));
        Assert.Equal(100_000, await _bank.Balance(alice, wallet));
        Assert.False(await calendar.CancelMandate(payee.PayeeId));
    }
}
