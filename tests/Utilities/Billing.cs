using System.Globalization;
using System.Security.Cryptography;
using Wallet.Customers;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Tests.Infrastructure;
using Wallet.Utilities;

namespace Wallet.Tests.Utilities;

/// <summary>The bill-paying steps as grain calls: billers seeded as the embedded mode has them, payees found with the bill a test needs.</summary>
public sealed class Billing(IGrainFactory grains)
{
    public async Task SeedBillers()
    {
        foreach (var biller in SeededBillers.All)
        {
            await grains.GetGrain<IBillerGrain>(biller.BillerId).Publish(biller);
        }
    }

    public IBillPayeesGrain Payees(TestCustomer customer) => grains.GetGrain<IBillPayeesGrain>(customer.Id);

    public IBillCalendarGrain Calendar(TestCustomer customer) => grains.GetGrain<IBillCalendarGrain>(customer.Id);

    /// <summary>A random account number of the biller's shape ending in <paramref name="ending"/> (before the check digit, where it has one).</summary>
    public static string Account(BillerProfile biller, string ending = "")
    {
        var rule = biller.AccountRule;
        var length = rule.MinLength;
        var body = (rule.Prefix ?? "") + string.Concat(Enumerable.Range(0, length).Select(_ => RandomNumberGenerator.GetInt32(1, 10).ToString(CultureInfo.InvariantCulture)));
        var withoutCheck = rule.LuhnCheckDigit ? length - 1 : length;
        body = body[..(withoutCheck - ending.Length)] + ending;
        return rule.LuhnCheckDigit ? body + CheckDigit(body) : body;
    }

    /// <summary>Saves payees of <paramref name="biller"/> until one's current bill is as <paramref name="wanted"/> says; the others are removed.</summary>
    public async Task<(SavedPayee Payee, UtilityBill Bill)> PayeeWhoseBill(TestCustomer customer, BillerProfile biller, Func<UtilityBill, bool> wanted, string ending = "")
    {
        for (var attempt = 0; attempt < 400; attempt++)
        {
            // Saving an account number saved before returns that payee, so a save asked again after a timeout (the first
            // postpaid payee sets the calendar's reminder, which a cluster just started on a busy machine can be slow to take) is one.
            var account = Account(biller, ending);
            var payee = await Scenario.AsAClientWould(() => Payees(customer).Save(biller.BillerId, account, null, null));
            if ((await Payees(customer).CurrentBill(payee.PayeeId))?.Bill is { } bill && wanted(bill))
            {
                return (payee, bill);
            }
            await Payees(customer).Remove(payee.PayeeId);
        }
        throw new InvalidOperationException("no account with such a bill in 400 tries");
    }

    public Task<BillPaymentView> Pay(TestCustomer customer, SavedPayee payee, string walletId, long? amount = null, string? key = null)
    {
        key ??= Guid.NewGuid().ToString();
        return Scenario.AsAClientWould(() => grains.GetGrain<IBillPaymentGrain>(MovementIds.For(Workflow.BillPayment, customer.Id, key))
            .Pay(new BillPaymentOrder(customer.Id, $"bill {payee.PayeeId} {walletId} {amount}", payee.PayeeId, walletId, amount, "CNY", PaymentAuthorisation.WithPin(TestData.Pin))));
    }

    /// <summary>What the bank holds for the biller: its clearing account's shards summed.</summary>
    public async Task<long> OwedTo(BillerProfile biller)
    {
        var total = 0L;
        foreach (var key in ClearingAccounts.ShardsOf(ClearingAccounts.Biller(biller.BillerId), biller.Currency))
        {
            total += await grains.GetGrain<IClearingAccountGrain>(key).ReadBalance();
        }
        return total;
    }

    /// <summary>The notifications of <paramref name="kind"/> in the customer's inbox.</summary>
    public async Task<List<Notification>> Told(TestCustomer customer, string kind)
        => [.. (await grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 200)).Items.Where(n => n.Kind == kind)];

    private static char CheckDigit(string digits)
    {
        for (var d = '0'; d <= '9'; d++)
        {
            if (Wallet.Identity.Luhn.IsValid(digits + d))
            {
                return d;
            }
        }
        throw new InvalidOperationException("no check digit");
    }
}
