using Wallet.Identity;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Webhooks;

namespace Wallet.Merchants;

/// <summary>
/// Settlement: on demand, and on a schedule by a reminder (which survives restarts). Each is a
/// movement of its own; the bank pays the card after the movement commits, under the movement's id,
/// so a repeated payout is recognised by the bank and paid once. The settlement's id is written down
/// (with a reminder) before its movement runs: a payout interrupted after the commit — a crash, the
/// bank unavailable — is finished by that reminder, and no new settlement starts until it is.
/// </summary>
public sealed partial class MerchantGrain
{
    private const string SettlementReminder = "settle";
    private const string PayoutReminder = "payout";
    private const int SettlementsKept = 100;
    private static readonly TimeSpan PayoutRetryEvery = TimeSpan.FromMinutes(1);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled settlement of merchant {MerchantId} failed; the next tick tries again")]
    private static partial void LogScheduledSettlementFailed(ILogger logger, string merchantId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bank did not take settlement {SettlementId}'s payout; it is tried again in a minute")]
    private static partial void LogPayoutFailed(ILogger logger, string settlementId, Exception exception);

    public Task<SettlementReport> Settle() => Settle(scheduled: false);

    public Task<IReadOnlyList<SettlementReport>> ListSettlements()
        => Task.FromResult<IReadOnlyList<SettlementReport>>([.. Enumerable.Reverse(State.Settlements)]);

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (!merchant.RecordExists)
        {
            return;
        }
        try
        {
            if (reminderName == PayoutReminder)
            {
                await FinishPayout();
            }
            else if (reminderName == SettlementReminder)
            {
                await Settle(scheduled: true);
            }
        }
        catch (WalletRefusedException refused) when (refused.Code is RefusalCodes.NothingToSettle or RefusalCodes.PayoutPending)
        {
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogScheduledSettlementFailed(logger, MerchantId, exception);
        }
    }

    private async Task<SettlementReport> Settle(bool scheduled)
    {
        var state = State;
        if (state.SettlementBankToken is null)
        {
            throw new WalletRefusedException(RefusalCodes.NoSettlementCard, "The merchant has no settlement card.");
        }
        if (await FinishPayout() is { Status: SettlementStatus.PayoutPending } unpaid)
        {
            throw new WalletRefusedException(RefusalCodes.PayoutPending,
                $"Settlement {unpaid.SettlementId} has not reached the bank yet; it is tried again every minute, and the next settlement waits for it.");
        }
        var due = new PayoutDue(Ids.New(IdPrefixes.Settlement), scheduled);
        state.PayoutDue = due;
        await merchant.WriteStateAsync();
        await this.RegisterOrUpdateReminder(PayoutReminder, PayoutRetryEvery, PayoutRetryEvery);
        var order = new SettlementOrder(MerchantId, state.SettlementWalletId, settlement.Value.FeeBasisPoints, state.Currency!);
        SettlementReceipt receipt;
        try
        {
            receipt = await GrainFactory.GetGrain<ISettlementGrain>(due.SettlementId).Settle(order);
        }
        catch (WalletRefusedException)
        {
            await ForgetPayout(); // refused while planning (nothing to settle): nothing moved
            throw;
        }
        if (receipt.Status != MovementStatus.Completed)
        {
            await ForgetPayout();
            throw new WalletRefusedException(receipt.Refusal?.Code ?? RefusalCodes.NothingToSettle, receipt.Refusal?.Detail ?? "Nothing was settled.");
        }
        return await PayOut(due, receipt);
    }

    /// <summary>Finishes a settlement begun earlier, if any: pays out what its movement committed, or forgets one that never moved. Returns its report.</summary>
    private async Task<SettlementReport?> FinishPayout()
    {
        if (State.PayoutDue is not { } due)
        {
            return null;
        }
        var receipt = await GrainFactory.GetGrain<ISettlementGrain>(due.SettlementId).Find(MerchantId);
        if (receipt is { Status: MovementStatus.Completed })
        {
            return await PayOut(due, receipt);
        }
        await ForgetPayout();
        return null;
    }

    /// <summary>Reports the committed settlement, then asks the bank to pay the card; the report says whether it did.</summary>
    private async Task<SettlementReport> PayOut(PayoutDue due, SettlementReceipt receipt)
    {
        var state = State;
        var report = state.Settlements.Find(r => r.SettlementId == due.SettlementId);
        if (report is null)
        {
            report = new SettlementReport(due.SettlementId, receipt.Gross, receipt.Fee, receipt.Net, receipt.Currency, state.SettlementCardMasked!,
                receipt.CreatedAt, due.Scheduled, SettlementStatus.PayoutPending);
            state.Settlements.Add(report);
            if (state.Settlements.Count > SettlementsKept)
            {
                state.Settlements.RemoveAt(0);
            }
            await merchant.WriteStateAsync();
        }
        try
        {
            await bank.Payout(state.SettlementBankToken!, report.Net, report.Currency, report.SettlementId);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            LogPayoutFailed(logger, report.SettlementId, exception);
            return report;
        }
        var paid = report with { Status = SettlementStatus.Paid, PaidAt = clock.GetUtcNow() };
        state.Settlements[state.Settlements.IndexOf(report)] = paid;
        await ForgetPayout();
        await MerchantEvents.Announce(GrainFactory, MerchantId, MerchantEvents.SettlementPaid(paid), logger);
        return paid;
    }

    private async Task ForgetPayout()
    {
        State.PayoutDue = null;
        await merchant.WriteStateAsync();
        if (await this.GetReminder(PayoutReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }
}
