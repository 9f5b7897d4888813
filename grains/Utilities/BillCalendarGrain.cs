using Microsoft.Extensions.Options;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Utilities;

/// <summary>
/// A customer's bill calendar. Its reminder (durable on PostgreSQL) ticks every <see cref="UtilityOptions.CheckEvery"/>
/// and looks at each postpaid payee's current bill on the bank's calendar (Asia/Shanghai): from
/// <see cref="SavedPayee.RemindDaysBefore"/> days before the due date the customer is told once; on the due date a
/// bill within the payee's autopay cap is paid (an autopay payment's id is made from the payee and the bill, so a
/// tick that comes twice finds the first payment), one above it is not and the customer is told; after the due
/// date an unpaid bill is overdue, told once. A bill paid by anyone (the bill's own grain says) is left alone.
/// </summary>
public sealed class BillCalendarGrain(
    [PersistentState("bill-calendar", StorageNames.Wallet)] IPersistentState<BillCalendarState> calendar,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    LimitSchedule days,
    IBillingCompany billers,
    IOptions<UtilityOptions> options)
    : Grain, IBillCalendarGrain, IRemindable
{
    private const string CheckReminder = "bill-calendar";
    private const int DoneKept = 500;

    private string CustomerId => this.GetPrimaryKeyString();

    public async Task Watch()
    {
        if (await this.GetReminder(CheckReminder) is null)
        {
            await this.RegisterOrUpdateReminder(CheckReminder, TimeSpan.FromMinutes(1), options.Value.CheckEvery);
        }
    }

    public async Task<AutopayMandate> SetMandate(string payeeId, string walletId, long capPerBill, string currency, PaymentAuthorisation authorisation)
    {
        if (!Amounts.IsValidMovement(capPerBill))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A cap is 1 to {Amounts.Max} minor units.");
        }
        var payee = await GrainFactory.GetGrain<IBillPayeesGrain>(CustomerId).Find(payeeId) ?? throw WalletRefusedException.NotFound("The payee");
        var biller = await GrainFactory.GetGrain<IBillerGrain>(payee.BillerId).GetProfile() ?? throw WalletRefusedException.NotFound("The biller");
        if (biller.Mode != BillingMode.Postpaid)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Autopay pays bills as they fall due; this biller sends none.");
        }
        var wallet = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
        if (wallet is null || wallet.OwnerId != CustomerId)
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
        if (wallet.Currency != currency || biller.Currency != currency)
        {
            throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The bills are in {biller.Currency}; the wallet and the cap must be too.");
        }
        await GrainFactory.GetGrain<IPaymentCredentialsGrain>(CustomerId).AuthorisePayment(authorisation.For($"mandate {payeeId} {walletId} {capPerBill} {currency}"),
            new SignedPayment(SignedPayment.AutopayMandate, capPerBill, currency, payeeId, payeeId));
        var mandate = new AutopayMandate(payeeId, walletId, capPerBill, currency, clock.GetUtcNow());
        calendar.State.Mandates.RemoveAll(m => m.PayeeId == payeeId);
        calendar.State.Mandates.Add(mandate);
        await calendar.WriteStateAsync();
        await Watch();
        return mandate;
    }

    public async Task<bool> CancelMandate(string payeeId)
    {
        if (calendar.State.Mandates.RemoveAll(m => m.PayeeId == payeeId) == 0)
        {
            return false;
        }
        await calendar.WriteStateAsync();
        return true;
    }

    public Task<IReadOnlyList<AutopayMandate>> ListMandates() => Task.FromResult<IReadOnlyList<AutopayMandate>>([.. calendar.State.Mandates]);

    public async Task<int> PauseMandates()
    {
        var now = clock.GetUtcNow();
        var paused = 0;
        for (var i = 0; i < calendar.State.Mandates.Count; i++)
        {
            if (calendar.State.Mandates[i].PausedAt is null)
            {
                calendar.State.Mandates[i] = calendar.State.Mandates[i] with { PausedAt = now };
                paused++;
            }
        }
        if (paused > 0)
        {
            await calendar.WriteStateAsync();
        }
        return paused;
    }

    public Task<bool> Covers(string payeeId, string walletId, long amount)
        => Task.FromResult(calendar.State.Mandates.Exists(m => m.PayeeId == payeeId && m.WalletId == walletId && amount <= m.CapPerBill && m.PausedAt is null));

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if ((await Check()).Count == 0 && (await GrainFactory.GetGrain<IBillPayeesGrain>(CustomerId).List()).Count == 0 && await this.GetReminder(CheckReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder); // nothing saved any more: Watch starts it again with the next payee
        }
    }

    public async Task<IReadOnlyList<string>> Check()
    {
        var now = clock.GetUtcNow();
        var today = days.DayOf(now);
        var did = new List<string>();
        foreach (var payee in await GrainFactory.GetGrain<IBillPayeesGrain>(CustomerId).List())
        {
            if (await GrainFactory.GetGrain<IBillerGrain>(payee.BillerId).GetProfile() is not { Mode: BillingMode.Postpaid } biller
                || await CurrentBill(biller, payee.AccountNumber, now) is not { } bill
                || await GrainFactory.GetGrain<IUtilityBillGrain>(UtilityBills.KeyOf(biller.BillerId, payee.AccountNumber, bill.BillRef)).PaidBy() is not null)
            {
                continue;
            }
            var mandate = calendar.State.Mandates.Find(m => m.PayeeId == payee.PayeeId && m.PausedAt is null);
            if (mandate is not null && today >= bill.DueOn)
            {
                if (await Autopay(payee, biller, bill, mandate) is { } autopaid)
                {
                    did.Add(autopaid);
                    continue;
                }
                if (today == bill.DueOn)
                {
                    continue; // on the due date the autopay's word is the day's notice; unpaid, it is overdue tomorrow
                }
            }
            var (kind, title, body) = today > bill.DueOn
                ? ("bill_overdue", "Bill overdue", $"Your {biller.Name} bill for {payee.Nickname} ({Amounts.Format(bill.Amount, bill.Currency)}) was due on {bill.DueOn:yyyy-MM-dd} and is unpaid.")
                : today >= bill.DueOn.AddDays(-payee.RemindDaysBefore)
                    ? ("bill_due", "Bill due soon", $"Your {biller.Name} bill for {payee.Nickname} ({Amounts.Format(bill.Amount, bill.Currency)}) is due on {bill.DueOn:yyyy-MM-dd}.")
                    : (null, null, null);
            if (kind is not null && await Tell(kind, payee, bill, title!, body!))
            {
                did.Add($"{kind} {payee.PayeeId} {bill.BillRef}");
            }
        }
        return did;
    }

    /// <summary>
    /// Pays the bill by the mandate when it is within the cap (once: the payment's id is the payee's and the bill's);
    /// tells the customer when it is above the cap, or the payment was refused. Null when nothing was done (in doubt: the next tick asks again).
    /// </summary>
    private async Task<string?> Autopay(SavedPayee payee, BillerProfile biller, UtilityBill bill, AutopayMandate mandate)
    {
        var amount = Amounts.Format(bill.Amount, bill.Currency);
        if (bill.Amount > mandate.CapPerBill)
        {
            return await Tell("autopay_over_cap", payee, bill, "Bill not paid automatically",
                $"Your {biller.Name} bill for {payee.Nickname} is {amount}, above your autopay cap of {Amounts.Format(mandate.CapPerBill, mandate.Currency)}. Pay it yourself by {bill.DueOn:yyyy-MM-dd}.")
                ? $"autopay_over_cap {payee.PayeeId} {bill.BillRef}" : null;
        }
        var key = $"autopay {payee.PayeeId} {bill.BillRef}";
        BillPaymentView paid;
        try
        {
            paid = await GrainFactory.GetGrain<IBillPaymentGrain>(MovementIds.For(Workflow.BillPayment, CustomerId, key))
                .Pay(new BillPaymentOrder(CustomerId, key, payee.PayeeId, mandate.WalletId, bill.Amount, bill.Currency, new PaymentAuthorisation(null), ByMandate: true));
        }
        catch (WalletRefusedException refused) when (refused.Code != RefusalCodes.MovementInDoubt && refused.Code != RefusalCodes.StorageUnavailable)
        {
            return await Tell("autopay_failed", payee, bill, "Autopay could not pay a bill", $"Your {biller.Name} bill for {payee.Nickname} ({amount}) was not paid: {refused.Message}")
                ? $"autopay_failed {payee.PayeeId} {bill.BillRef}" : null;
        }
        catch (WalletRefusedException)
        {
            return null;
        }
        if (paid.Receipt.Status == MovementStatus.Completed)
        {
            return $"autopaid {payee.PayeeId} {bill.BillRef} {paid.Receipt.MovementId}";
        }
        var why = paid.Receipt.Refusal?.Detail ?? paid.Receipt.Status.ToString();
        return await Tell("autopay_failed", payee, bill, "Autopay could not pay a bill", $"Your {biller.Name} bill for {payee.Nickname} ({amount}) was not paid: {why}")
            ? $"autopay_failed {payee.PayeeId} {bill.BillRef}" : null;
    }

    /// <summary>Tells the customer once per payee, bill and kind; false when told already.</summary>
    private async Task<bool> Tell(string kind, SavedPayee payee, UtilityBill bill, string title, string body)
    {
        var key = $"{kind} {payee.PayeeId} {bill.BillRef}";
        if (calendar.State.Done.Contains(key))
        {
            return false;
        }
        // The inbox keeps one notification per id: a tick that dies between the two writes tells once all the same.
        await GrainFactory.GetGrain<INotificationInboxGrain>(CustomerId)
            .Post(new Notification($"ntf_{kind}_{payee.PayeeId}_{bill.BillRef}", kind, title, body, clock.GetUtcNow(), payee.PayeeId));
        calendar.State.Done.Add(key);
        calendar.State.Done.RemoveRange(0, Math.Max(0, calendar.State.Done.Count - DoneKept));
        await calendar.WriteStateAsync();
        return true;
    }

    private async Task<UtilityBill?> CurrentBill(BillerProfile biller, string account, DateTimeOffset now)
    {
        try
        {
            return await billers.CurrentBill(biller, account, now);
        }
        catch (WalletRefusedException)
        {
            return null; // the billing network is not there: the next tick looks again
        }
    }
}

[GenerateSerializer, Alias("Wallet.BillCalendarState")]
public sealed class BillCalendarState
{
    [Id(0)] public List<AutopayMandate> Mandates { get; set; } = [];

    /// <summary>What the customer was told, oldest first ("bill_due pye_… SIM…"): told once.</summary>
    [Id(1)] public List<string> Done { get; set; } = [];
}
