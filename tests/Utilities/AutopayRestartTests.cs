using Wallet.Customers;
using Wallet.Tests.Infrastructure;
using Wallet.Utilities;
using Wallet.Wallets;

namespace Wallet.Tests.Utilities;

/// <summary>
/// On PostgreSQL, autopay's reminder outlives the cluster: a bill paid on its due date before a restart is not paid
/// again when the reminder fires after it, and its payment is found where it was left.
/// </summary>
[Collection(TopologyCollection.Name)]
public sealed class AutopayRestartTests
{
    [Trait("Speed", "Slow")]
    [Fact]
    public async Task Autopay_after_a_restart_of_every_silo_pays_the_bill_once()
    {
        var settings = PostgresServer.Settings(await PostgresServer.CreateDatabase());
        var clock = new SettableClock(new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.FromHours(8)));
        var service = Guid.NewGuid().ToString("N");
        TestCustomer alice;
        string wallet;
        UtilityBill bill;
        SavedPayee payee;
        await using (var before = await PostgresCluster.Start(settings, silos: 2, serviceId: service, bankClock: clock))
        {
            var billing = new Billing(before.Client);
            await billing.SeedBillers();
            (alice, wallet) = await new Scenario(before.Client).FundedCustomer(100_000);
            (payee, bill) = await billing.PayeeWhoseBill(alice, SeededBillers.ShanghaiWater, b => b.DueOn > new DateOnly(2026, 11, 26));
            await billing.Calendar(alice).SetMandate(payee.PayeeId, wallet, 50_000, "CNY", PaymentAuthorisation.WithPin(TestData.Pin));
            clock.Set(new DateTimeOffset(bill.DueOn.ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8)));

            Assert.Single(await billing.Calendar(alice).Check(), d => d.StartsWith("autopaid", StringComparison.Ordinal));
        }

        await using var after = await PostgresCluster.Start(settings, silos: 2, serviceId: service, bankClock: clock);
        var again = new Billing(after.Client);
        var calendar = again.Calendar(alice);
        await calendar.AsReference<IRemindable>().ReceiveReminder("bill-calendar", default); // the durable reminder's tick after the restart
        Assert.DoesNotContain(await calendar.Check(), d => d.StartsWith("autopa", StringComparison.Ordinal));

        var bank = new Scenario(after.Client);
        Assert.Equal(100_000 - bill.Amount, await bank.Balance(alice, wallet));
        Assert.Equal(BillerStatus.Paid, Assert.Single(await again.Payees(alice).ListPayments(payee.PayeeId)).Status);
        Assert.Single(await bank.Entries(alice, wallet), e => e.Kind == MovementKind.BillPayment);
        Assert.Equal(bill.Amount, await again.OwedTo(SeededBillers.ShanghaiWater));
        await bank.AssertBooksBalance();
    }
}
