using Microsoft.Extensions.Options;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Utilities;

/// <summary>A customer's saved payees and the payments made to each (the payments' own records are what counts).</summary>
public sealed class BillPayeesGrain(
    [PersistentState("bill-payees", StorageNames.Wallet)] IPersistentState<BillPayeesState> payees,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    IBillingCompany billers,
    IOptions<UtilityOptions> options)
    : Grain, IBillPayeesGrain
{
    public const int MaxPayees = 50;
    private const int PaymentsKept = 50;

    private string CustomerId => this.GetPrimaryKeyString();

    public async Task<SavedPayee> Save(string billerId, string accountNumber, string? nickname, int? remindDaysBefore)
    {
        var biller = await GrainFactory.GetGrain<IBillerGrain>(billerId).GetProfile() ?? throw WalletRefusedException.NotFound("The biller");
        if (biller.Paused)
        {
            throw new WalletRefusedException(RefusalCodes.BillerPaused, "This biller takes no payments through the bank for now.");
        }
        if (biller.AccountRule.Check(accountNumber) is { } invalid)
        {
            throw invalid.AsException();
        }
        var saved = payees.State.Payees;
        if (saved.Find(p => p.BillerId == billerId && p.AccountNumber == accountNumber) is { } known)
        {
            return known;
        }
        if (saved.Count >= MaxPayees)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"A customer saves at most {MaxPayees} payees; remove one first.");
        }
        var payee = new SavedPayee(Ids.New(IdPrefixes.BillPayee), billerId, accountNumber, nickname ?? $"{biller.Name} {accountNumber[^Math.Min(4, accountNumber.Length)..]}",
            RemindDays(remindDaysBefore), clock.GetUtcNow());
        saved.Add(payee);
        await payees.WriteStateAsync();
        if (biller.Mode == BillingMode.Postpaid)
        {
            await GrainFactory.GetGrain<IBillCalendarGrain>(CustomerId).Watch();
        }
        return payee;
    }

    public async Task<SavedPayee> Change(string payeeId, string? nickname, int? remindDaysBefore)
    {
        var saved = payees.State.Payees;
        var at = saved.FindIndex(p => p.PayeeId == payeeId);
        if (at < 0)
        {
            throw WalletRefusedException.NotFound("The payee");
        }
        saved[at] = saved[at] with { Nickname = nickname ?? saved[at].Nickname, RemindDaysBefore = remindDaysBefore is null ? saved[at].RemindDaysBefore : RemindDays(remindDaysBefore) };
        await payees.WriteStateAsync();
        return saved[at];
    }

    public async Task Remove(string payeeId)
    {
        if (payees.State.Payees.RemoveAll(p => p.PayeeId == payeeId) == 0)
        {
            throw WalletRefusedException.NotFound("The payee");
        }
        await payees.WriteStateAsync();
        await GrainFactory.GetGrain<IBillCalendarGrain>(CustomerId).CancelMandate(payeeId);
    }

    public Task<IReadOnlyList<SavedPayee>> List() => Task.FromResult<IReadOnlyList<SavedPayee>>([.. payees.State.Payees]);

    public Task<SavedPayee?> Find(string payeeId) => Task.FromResult(payees.State.Payees.Find(p => p.PayeeId == payeeId));

    public async Task<PayeeBill?> CurrentBill(string payeeId)
    {
        var payee = payees.State.Payees.Find(p => p.PayeeId == payeeId) ?? throw WalletRefusedException.NotFound("The payee");
        var biller = await GrainFactory.GetGrain<IBillerGrain>(payee.BillerId).GetProfile() ?? throw WalletRefusedException.NotFound("The biller");
        if (await billers.CurrentBill(biller, payee.AccountNumber, clock.GetUtcNow()) is not { } bill)
        {
            return null;
        }
        return new PayeeBill(bill, await GrainFactory.GetGrain<IUtilityBillGrain>(UtilityBills.KeyOf(biller.BillerId, payee.AccountNumber, bill.BillRef)).PaidBy());
    }

    public async Task NotePayment(string payeeId, BillPaymentNote note)
    {
        if (!payees.State.Payments.TryGetValue(payeeId, out var notes))
        {
            payees.State.Payments[payeeId] = notes = [];
        }
        var at = notes.FindIndex(n => n.PaymentId == note.PaymentId);
        if (at >= 0 && notes[at] == note)
        {
            return;
        }
        if (at >= 0)
        {
            notes[at] = note;
        }
        else
        {
            notes.Add(note);
            notes.RemoveRange(0, Math.Max(0, notes.Count - PaymentsKept));
        }
        await payees.WriteStateAsync();
    }

    public Task<IReadOnlyList<BillPaymentNote>> ListPayments(string payeeId)
        => Task.FromResult<IReadOnlyList<BillPaymentNote>>(payees.State.Payments.TryGetValue(payeeId, out var notes) ? [.. Enumerable.Reverse(notes)] : []);

    private int RemindDays(int? days) => days is null ? options.Value.RemindDaysBefore
        : days is >= 0 and <= 15 ? days.Value : throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Reminders come 0 to 15 days before a bill is due.");
}

[GenerateSerializer, Alias("Wallet.BillPayeesState")]
public sealed class BillPayeesState
{
    [Id(0)] public List<SavedPayee> Payees { get; set; } = [];

    /// <summary>Each payee's latest payments, oldest first; kept after the payee is removed, as the payments are.</summary>
    [Id(1)] public Dictionary<string, List<BillPaymentNote>> Payments { get; set; } = [];
}
