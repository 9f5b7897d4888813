using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;

namespace Wallet.Credit;

/// <summary>
/// What a drawn loan's reminder does each tick, on the bank's calendar: from <see cref="CreditOptions.RemindDaysBefore"/>
/// days before an instalment's due day the borrower is told once; from the due day autopay repays it (the repayment's id
/// is made from the loan, the instalment and the day, so a tick that comes twice in a day repays once, and the loan's
/// account refuses an instalment already paid whatever the day); unpaid after its due day it is overdue, the borrower is
/// told once, and autopay tries again each day until it is paid. Once repaid the reminder stops.
/// </summary>
public sealed partial class LoanGrain
{
    private const string FollowUpReminder = "loan-follow-up";
    private const int ToldKept = 200;

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    public async Task<IReadOnlyList<string>> FollowUp()
    {
        if (!loan.RecordExists || State.Decision is not { Approved: true })
        {
            return [];
        }
        var today = days.DayOf(clock.GetUtcNow());
        if (await Account.GetStanding(today) is not { } standing)
        {
            return [];
        }
        if (standing.RepaidOn is not null)
        {
            await this.ForgetReminder(FollowUpReminder);
            return [];
        }
        var did = new List<string>();
        foreach (var instalment in standing.Instalments.Where(i => i.Status is InstalmentStatus.Due or InstalmentStatus.Overdue))
        {
            var number = instalment.Scheduled.Number;
            if (State.AutopayWalletId is { } walletId)
            {
                var (settled, paidBy, why) = await Autopay(number, walletId, today);
                if (settled)
                {
                    did.Add($"autopaid {number} {paidBy}");
                    continue;
                }
                if (why is not null && instalment.Status == InstalmentStatus.Due
                    && await Tell("loan_autopay_failed", number, "Autopay could not pay a loan instalment",
                        $"Instalment {number} of your loan ({Amounts.Format(instalment.Scheduled.Amount, State.Currency)}) is due today and was not paid: {why} Put the money in the wallet, or repay it yourself, by the end of today."))
                {
                    did.Add($"loan_autopay_failed {number}");
                }
            }
            if (instalment.Status == InstalmentStatus.Overdue
                && await Tell("loan_overdue", number, "A loan instalment is overdue",
                    $"Instalment {number} of your loan ({Amounts.Format(instalment.Scheduled.Amount, State.Currency)}) was due on {instalment.Scheduled.DueOn:yyyy-MM-dd} and is unpaid. Late interest runs each day until it is paid."))
            {
                did.Add($"loan_overdue {number}");
            }
            break; // a later instalment waits for this one
        }
        if (standing.Instalments.FirstOrDefault(i => i.Status == InstalmentStatus.Upcoming) is { } next
            && today >= next.Scheduled.DueOn.AddDays(-options.Value.RemindDaysBefore)
            && await Tell("loan_instalment_due", next.Scheduled.Number, "A loan instalment is due soon",
                $"Instalment {next.Scheduled.Number} of your loan ({Amounts.Format(next.Scheduled.Amount, State.Currency)}) is due on {next.Scheduled.DueOn:yyyy-MM-dd}."
                + (State.AutopayWalletId is null ? " Autopay is off: repay it yourself." : " Autopay will repay it from your wallet that day.")))
        {
            did.Add($"loan_instalment_due {next.Scheduled.Number}");
        }
        return did;
    }

    /// <summary>
    /// Repays the instalment by autopay: whether it is paid now (by this repayment, or by another since the standing was
    /// read), or why not (null when in doubt: the next tick of the day finds the same movement and learns its outcome).
    /// </summary>
    private async Task<(bool Settled, string? PaidBy, string? Why)> Autopay(int number, string walletId, DateOnly today)
    {
        var key = $"autopay {LoanId} {number} {today:yyyy-MM-dd}";
        try
        {
            var receipt = await GrainFactory.GetGrain<ILoanRepaymentGrain>(MovementIds.For(Workflow.LoanRepayment, State.CustomerId, key)).Repay(
                new LoanRepaymentOrder(State.CustomerId, key, LoanId, walletId, RepaymentKind.Instalment, new PaymentAuthorisation(null), ByAutopay: true, Instalment: number));
            return receipt switch
            {
                { Status: MovementStatus.Completed } => (true, receipt.MovementId, null),
                { Refusal.Code: RefusalCodes.InstalmentAlreadyPaid } => (true, null, null),
                _ => (false, null, receipt.Refusal?.Detail ?? RefusalText.For(receipt.Refusal?.Code ?? "")),
            };
        }
        catch (WalletRefusedException refused) when (refused.Code is RefusalCodes.MovementInDoubt or RefusalCodes.StorageUnavailable)
        {
            return (false, null, null);
        }
        catch (WalletRefusedException refused) when (refused.Code == RefusalCodes.InstalmentAlreadyPaid)
        {
            return (true, null, null); // paid by another request since the standing was read
        }
        catch (WalletRefusedException refused)
        {
            return (false, null, refused.Message);
        }
    }

    /// <summary>Tells the borrower once per kind and instalment; false when told already.</summary>
    private async Task<bool> Tell(string kind, int instalment, string title, string body)
    {
        var key = $"{kind} {instalment}";
        if (State.Told.Contains(key))
        {
            return false;
        }
        // The inbox keeps one notification per id: a tick that dies between the two writes tells once all the same.
        await GrainFactory.GetGrain<INotificationInboxGrain>(State.CustomerId)
            .Post(new Notification($"ntf_{kind}_{LoanId}_{instalment}", kind, title, body, clock.GetUtcNow(), LoanId));
        State.Told.Add(key);
        State.Told.RemoveRange(0, Math.Max(0, State.Told.Count - ToldKept));
        await loan.WriteStateAsync();
        return true;
    }
}
