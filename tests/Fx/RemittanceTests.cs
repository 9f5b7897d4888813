using Wallet.Fx;
using Wallet.Ledger;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Simulators;
using Wallet.Tests.Infrastructure;
using Wallet.Wallets;

namespace Wallet.Tests.Fx;

/// <summary>
/// Remittances abroad on the fake clock, through the simulated correspondent: the wallet pays the amount converted and
/// the fee in one transaction, with the FX positions, the correspondent's clearing account and the quota; the remittance
/// is sent and credited; a returned one is refunded exactly once at the day's rate with the difference stated and the
/// fee kept; one the correspondent never takes comes back after its time; bad orders move nothing.
/// </summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class RemittanceTests(ClockedClusterFixture fixture)
{
    private const long Fee = 5_000; // Wallet:Fx:RemittanceFee, ¥50.00
    private readonly Scenario _bank = fixture.Scenario;
    private Exchange Fx => new(fixture.Grains, _bank);
    private static readonly Beneficiary Plain = new("Chan Tai Man", "HSBCHKHHHKH", "123456789012");

    [Fact]
    public async Task A_remittance_from_a_cny_wallet_pays_the_converted_amount_and_the_fee_at_once_then_is_sent_and_credited()
    {
        fixture.SetShanghaiTime(2026, 11, 23, 9, 0);
        var (alice, wallets) = await Fx.Customer(("CNY", 1_000_000));
        var before = await Books();
        var rate = await fixture.Grains.GetGrain<IFxDeskGrain>(0).Rate(new CurrencyPair("CNY", "USD"));

        var sent = await Send(alice, wallets["CNY"], 20_000, "USD", Plain);

        var receipt = sent.Receipt;
        Assert.True(MovementStatus.Completed == receipt.Status, $"{receipt.Refusal}");
        Assert.StartsWith("rm_", receipt.MovementId, StringComparison.Ordinal);
        var principal = FxArithmetic.Pays(20_000, rate.Buy, rate.Pair);
        Assert.Equal((20_000L, "USD", principal, "CNY", rate.Buy, Fee), (receipt.Amount, receipt.Currency, receipt.Exchange!.WalletAmount, receipt.Exchange.WalletCurrency,
            receipt.Exchange.Rate, receipt.Fee));
        Assert.Equal(RemittanceStatus.Sent, sent.Leg!.Status);
        Assert.StartsWith("SIMSWIFT", sent.Leg.Reference, StringComparison.Ordinal);
        Assert.Equal(1_000_000 - principal - Fee, await _bank.Balance(alice, wallets["CNY"]));
        var entry = (await _bank.Entries(alice, wallets["CNY"]))[0];
        Assert.Equal((MovementKind.Remittance, EntryDirection.Out, principal + Fee, receipt.MovementId), (entry.Kind, entry.Direction, entry.Amount, entry.Counterparty));
        Assert.Equal(before with
        {
            UsdCorrespondent = before.UsdCorrespondent + 20_000, CnyFees = before.CnyFees + Fee,
            CnyPosition = before.CnyPosition + principal, UsdPosition = before.UsdPosition - 20_000,
        }, await Books());
        Assert.Equal(20_000, (await Fx.Quota(alice)).Used); // dollars bought with yuan count against the quota

        // The follow-up finds it credited; asked again, nothing changes.
        var followed = await Remittance(receipt.MovementId).FollowUp();
        Assert.Equal(RemittanceStatus.Credited, followed!.Leg!.Status);
        Assert.Equal(RemittanceStatus.Credited, (await Remittance(receipt.MovementId).FollowUp())!.Leg!.Status);
        Assert.Contains(await Inbox(alice), n => n.Kind == "remittance_credited" && n.Reference == receipt.MovementId);
        Assert.Equal(1_000_000 - principal - Fee, await _bank.Balance(alice, wallets["CNY"]));
        await _bank.AssertBalanced([.. wallets.Values]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_returned_remittance_is_refunded_once_at_the_days_rate_with_the_difference_stated_and_the_fee_kept()
    {
        fixture.SetShanghaiTime(2026, 11, 24, 9, 0);
        var (bob, wallets) = await Fx.Customer(("CNY", 1_000_000));
        var before = await Books();
        var closed = Plain with { Account = "GB29NWBK601613" + SimulatedCorrespondentBank.Returns };
        var sent = await Send(bob, wallets["CNY"], 50_000, "USD", closed);
        Assert.Equal(RemittanceStatus.Sent, sent.Leg!.Status);
        var principal = sent.Receipt.Principal;

        // A day later the beneficiary's bank sends it back; three follow-ups at once give it back once.
        fixture.SetShanghaiTime(2026, 11, 25, 15, 30);
        var dayRate = await fixture.Grains.GetGrain<IFxDeskGrain>(0).Rate(new CurrencyPair("USD", "CNY"));
        var views = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Remittance(sent.Receipt.MovementId).FollowUp()));

        var returned = Assert.Single(views.Select(v => v!.Return).DistinctBy(r => r!.MovementId))!;
        Assert.All(views, v => Assert.Equal(RemittanceStatus.Returned, v!.Leg!.Status));
        var credited = FxArithmetic.Receives(50_000, dayRate.Buy, dayRate.Pair);
        Assert.Equal((50_000L, "USD", credited, "CNY", dayRate.Buy, credited - principal), (returned.Returned, returned.ReturnedCurrency, returned.Amount, returned.Currency,
            returned.Rate, returned.Difference));
        Assert.Equal(MovementIds.For(Workflow.RemittanceReturn, bob.Id, sent.Receipt.MovementId), returned.MovementId);
        Assert.NotEqual(0, returned.Difference); // bought at the bank's buy rate, sold back at its buy rate the other way: the spread twice at least
        Assert.Equal(1_000_000 - principal - Fee + credited, await _bank.Balance(bob, wallets["CNY"]));
        Assert.Single(await _bank.Entries(bob, wallets["CNY"]), e => e.Kind == MovementKind.Refund && e.Amount == credited);
        Assert.Equal(before with
        {
            CnyFees = before.CnyFees + Fee, CnyPosition = before.CnyPosition + principal - credited,
        }, await Books());
        Assert.Contains(await Inbox(bob), n => n.Kind == "remittance_returned" && n.Reference == sent.Receipt.MovementId);

        // Asked again, or the return asked directly again: nothing more comes back.
        Assert.Equal(returned.MovementId, (await Remittance(sent.Receipt.MovementId).FollowUp())!.Return!.MovementId);
        var again = await fixture.Grains.GetGrain<IRemittanceReturnGrain>(returned.MovementId).Return(new RemittanceReturnOrder(bob.Id, sent.Receipt.MovementId,
            wallets["CNY"], 50_000, "USD", "CNY", principal, "asked again"));
        Assert.Equal(returned.MovementId, again.MovementId);
        Assert.Equal(1_000_000 - principal - Fee + credited, await _bank.Balance(bob, wallets["CNY"]));
        await _bank.AssertBalanced([.. wallets.Values]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task A_remittance_the_correspondent_never_takes_comes_back_after_its_time_and_a_usd_wallet_sends_usd_without_a_conversion()
    {
        fixture.SetShanghaiTime(2026, 11, 26, 9, 0);
        var (carol, wallets) = await Fx.Customer(("USD", 100_000));
        var feeRate = await fixture.Grains.GetGrain<IFxDeskGrain>(0).Rate(new CurrencyPair("USD", "CNY"));
        var silent = Plain with { Account = "998877665" + SimulatedCorrespondentBank.Silent };

        var sent = await Send(carol, wallets["USD"], 30_000, "USD", silent);
        Assert.Null(sent.Receipt.Exchange);
        var fee = FxArithmetic.Pays(Fee, feeRate.Buy, feeRate.Pair); // ¥50 paid in dollars, rounded up
        Assert.Equal((fee, 30_000 + fee), (sent.Receipt.Fee, sent.Receipt.SenderPays));
        Assert.Equal(RemittanceStatus.Accepted, sent.Leg!.Status);
        Assert.Equal(0, (await Fx.Quota(carol)).Used); // dollars sent from dollars buy nothing

        fixture.SetShanghaiTime(2026, 11, 26, 20, 0);
        Assert.Equal(RemittanceStatus.Accepted, (await Remittance(sent.Receipt.MovementId).FollowUp())!.Leg!.Status);
        fixture.SetShanghaiTime(2026, 11, 27, 9, 0);
        var back = (await Remittance(sent.Receipt.MovementId).FollowUp())!;
        Assert.Equal(RemittanceStatus.Returned, back.Leg!.Status);
        Assert.Equal((30_000L, null, 0L), (back.Return!.Amount, back.Return.Rate, back.Return.Difference));
        Assert.Equal(100_000 - fee, await _bank.Balance(carol, wallets["USD"]));
        await _bank.AssertBalanced([.. wallets.Values]);
        await _bank.AssertBooksBalance();
    }

    [Fact]
    public async Task Bad_orders_a_currency_not_offered_and_a_purchase_over_the_quota_are_refused_and_nothing_moves()
    {
        fixture.SetShanghaiTime(2026, 11, 28, 9, 0);
        var (dan, wallets) = await Fx.Customer(("CNY", 40_000_000)); // ¥400,000: more than $50,000 costs
        var before = await Books();

        foreach (var (beneficiary, why) in new[]
        {
            (Plain with { BankCode = "HSBC" }, "a BIC of 4 characters"),
            (Plain with { BankCode = "hsbchkhh" }, "a BIC in lower case"),
            (Plain with { Account = "12 34" }, "an account with a space"),
            (Plain with { BankCode = "HSBCHKHH\n" }, "a BIC with a trailing newline"),
            (Plain with { Account = "123456789012\n" }, "an account with a trailing newline"),
            (Plain with { Name = "X" }, "a one-letter name"),
        })
        {
            var refused = await Assert.ThrowsAsync<WalletRefusedException>(() => Send(dan, wallets["CNY"], 1_000, "USD", beneficiary));
            Assert.True(RefusalCodes.ValidationFailed == refused.Code, why);
        }
        Assert.Equal(RefusalCodes.CurrencyNotSupported, (await Assert.ThrowsAsync<WalletRefusedException>(() => Send(dan, wallets["CNY"], 1_000, "CHF", Plain))).Code);
        Assert.Equal(RefusalCodes.ValidationFailed, (await Assert.ThrowsAsync<WalletRefusedException>(() => Send(dan, wallets["CNY"], 0, "USD", Plain))).Code);

        // Over the annual quota: refused inside the transaction, so the money, the positions and the fee stay put.
        var over = await Send(dan, wallets["CNY"], 5_000_001, "USD", Plain);
        Assert.Equal((MovementStatus.Refused, RefusalCodes.FxQuotaExceeded), (over.Receipt.Status, over.Receipt.Refusal?.Code));
        Assert.Null(over.Leg);
        Assert.Equal(40_000_000, await _bank.Balance(dan, wallets["CNY"]));
        Assert.Equal(0, (await Fx.Quota(dan)).Used);
        Assert.Equal(before, await Books());
        await _bank.AssertBooksBalance();
    }

    private Task<RemittanceView> Send(Wallet.Tests.Infrastructure.TestCustomer customer, string walletId, long amount, string currency, Beneficiary beneficiary)
        => Remittance(MovementIds.For(Workflow.Remittance, customer.Id, Guid.NewGuid().ToString())).Send(new RemittanceOrder(customer.Id,
            $"remit {walletId} {amount} {currency} {beneficiary.Account}", walletId, amount, currency, beneficiary, RemittancePurpose.FamilySupport,
            Wallet.Customers.PaymentAuthorisation.WithPin(TestData.Pin)));

    private IRemittanceGrain Remittance(string id) => fixture.Grains.GetGrain<IRemittanceGrain>(id);

    private async Task<IReadOnlyList<Notification>> Inbox(Wallet.Tests.Infrastructure.TestCustomer customer)
        => (await fixture.Grains.GetGrain<INotificationInboxGrain>(customer.Id).List(null, 50)).Items;

    private sealed record BankBooks(long UsdCorrespondent, long CnyFees, long CnyPosition, long UsdPosition);

    private async Task<BankBooks> Books() => new(await Fx.Clearing(ClearingAccounts.Correspondent, "USD"), await Fx.Clearing(ClearingAccounts.RemittanceFees, "CNY"),
        await Fx.Position("CNY"), await Fx.Position("USD"));
}
