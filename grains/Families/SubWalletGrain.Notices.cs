using Wallet.Hosting;
using Wallet.Money;
using Wallet.Movements;
using Wallet.Notifications;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Families;

/// <summary>What the family is told of a sub-wallet's payments, and its end: the follow-up its reminder runs.</summary>
public sealed partial class SubWalletGrain
{
    private const string FollowUpReminder = "sub-wallet-follow-up";

    /// <summary>How often the reminder looks: the end date and the daily summary are due at most this late.</summary>
    private static readonly TimeSpan FollowUpEvery = TimeSpan.FromHours(1);

    /// <summary>A payment is told a moment after its debit counted it: by then its transaction has committed (or aborted, and is not there).</summary>
    private static readonly TimeSpan TellAfter = TimeSpan.FromSeconds(1);

    private IGrainTimer? _telling;

    public Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status) => FollowUp();

    public async Task<SubWalletView> FollowUp()
    {
        if (!profile.RecordExists)
        {
            throw WalletRefusedException.NotFound("The sub-wallet");
        }
        var now = await Snapshot();
        var view = ViewOf(now);
        if (view.EndedAt is null && view.Day > view.Rules.EndDate)
        {
            return await End("its end date passed");
        }
        if (view.EndedAt is null && await RoleOf(State.MemberId) is null)
        {
            return await End("its member left the family"); // a departure whose ending did not finish (the family lists them no more)
        }
        await Tell(now.Guard);
        if (State.EndReason is not null && !State.GivenBack)
        {
            await GiveBack(); // ended, but what was left did not go back yet (a crash, a hold, a refusal)
        }
        return view;
    }

    public async Task<SubWalletView> End(string reason)
    {
        if (!profile.RecordExists)
        {
            throw WalletRefusedException.NotFound("The sub-wallet");
        }
        if (State.EndReason is null)
        {
            // Ended in the guard first: no payment passes from here, so what is read next is all that is left.
            await InTransaction(() => guard.PerformUpdate(g => g.EndedAt ??= clock.GetUtcNow()));
            State.EndReason = reason;
            await profile.WriteStateAsync();
            await Notify([State.MemberId, .. await StewardsNow()], $"ntf_{SubWalletId}_ended", "sub_wallet_ended", "A sub-wallet has ended",
                $"The sub-wallet has ended ({reason}); what was left goes back to the family.");
        }
        await GiveBack();
        await Tell(await Guard());
        if (State.GivenBack)
        {
            await this.ForgetReminder(FollowUpReminder); // otherwise its follow-up tries again
        }
        return await ViewNow();
    }

    /// <summary>
    /// What is left goes to the wallet that funded it last (or, if that was never noted, the owner's own in its currency),
    /// by a take-back whose id is made from the sub-wallet's and the attempt's number: a retry of one attempt happens once;
    /// an attempt refused (money still held for a payment awaiting approval, a wallet that takes nothing) is followed by
    /// the next at the next follow-up, until nothing is left.
    /// </summary>
    private async Task GiveBack()
    {
        var to = State.FundedFrom ?? await GrainFactory.GetGrain<Customers.ICustomerGrain>(State.FamilyOwnerId).FindReceivingWallet(State.Currency);
        if (to is null)
        {
            LogNotGivenBack(logger, SubWalletId, "no_wallet");
            return;
        }
        var attempt = $"end {State.GiveBackAttempts}";
        try
        {
            var back = await GrainFactory.GetGrain<IFamilyTakeBackGrain>(MovementIds.For(Workflow.FamilyTakeBack, SubWalletId, attempt))
                .TakeBack(new FamilyTakeBackOrder(SubWalletId, attempt, SubWalletId, to));
            if (back.Status != MovementStatus.Completed)
            {
                LogNotGivenBack(logger, SubWalletId, back.Refusal?.Code ?? "");
                State.GiveBackAttempts++;
                await profile.WriteStateAsync();
                return;
            }
            if (await GrainFactory.GetGrain<IWalletGrain>(State.WalletId).ReadBalance() > 0)
            {
                State.GiveBackAttempts++; // what was held is still there: the next follow-up gives it back once let go
                await profile.WriteStateAsync();
                return;
            }
        }
        catch (WalletRefusedException nothing) when (nothing.Code == RefusalCodes.NothingToTakeBack)
        {
            if (await GrainFactory.GetGrain<IWalletGrain>(State.WalletId).ReadBalance() > 0)
            {
                return; // all of it held: nothing to take yet
            }
        }
        State.GivenBack = true;
        await profile.WriteStateAsync();
    }

    /// <summary>Starts a one-shot timer that tells the owner of the payments just counted, unless one is already waiting.</summary>
    private void TellSoon()
        => _telling ??= this.RegisterGrainTimer(async _ =>
        {
            _telling?.Dispose();
            _telling = null;
            await Tell(await Guard());
        }, new GrainTimerCreationOptions(TellAfter, Timeout.InfiniteTimeSpan));

    /// <summary>
    /// Each payment not told yet, to the owner (and the guardian who opened it): one by one, or — the owner's choice —
    /// those of earlier days in one summary. Each notice's id is made from what it tells, so telling again repeats nothing.
    /// </summary>
    private async Task Tell(SubWalletGuard g)
    {
        var untold = g.Payments.Where(p => p.Number > State.ToldThrough).ToList();
        var stewards = untold.Count > 0 ? await StewardsNow() : [];
        if (g.Rules.Notices == PaymentNotices.DailySummary)
        {
            var today = limits.DayOf(clock.GetUtcNow());
            untold = [.. untold.Where(p => limits.DayOf(p.At) < today)];
            if (untold.Count > 0)
            {
                var total = untold.Sum(p => p.Amount);
                await Notify(stewards, $"ntf_{SubWalletId}_summary_{untold[^1].Number}", "sub_wallet_summary", "Your family's spending",
                    $"{untold.Count} payment(s) from the sub-wallet, {Amounts.Format(total, State.Currency)} in all, up to {limits.DayOf(untold[^1].At):yyyy-MM-dd}.");
            }
        }
        else
        {
            foreach (var payment in untold)
            {
                await Notify(stewards, $"ntf_{payment.MovementId}_family", "sub_wallet_payment", "A sub-wallet paid",
                    $"{Amounts.Format(payment.Amount, State.Currency)} to {payment.MerchantId} from the sub-wallet.", payment.MovementId);
            }
        }
        if (untold.Count > 0)
        {
            State.ToldThrough = untold[^1].Number;
            await profile.WriteStateAsync();
        }
    }

    /// <summary>Told of the sub-wallet: the family's owner, and the guardian who opened it when that is someone else and still a guardian.</summary>
    private async Task<string[]> StewardsNow()
        => State.OpenedBy == State.FamilyOwnerId || await RoleOf(State.OpenedBy) is not (FamilyRole.Owner or FamilyRole.Guardian)
            ? [State.FamilyOwnerId] : [State.FamilyOwnerId, State.OpenedBy];

    private async Task Notify(IEnumerable<string> customerIds, string notificationId, string kind, string title, string body, string? reference = null)
    {
        var now = clock.GetUtcNow();
        foreach (var customerId in customerIds)
        {
            await GrainFactory.GetGrain<INotificationInboxGrain>(customerId).Post(new Notification(notificationId, kind, title, body, now, reference ?? SubWalletId));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Sub-wallet {SubWalletId} ended but what was left was not given back ({Code}); the family can take it back")]
    private static partial void LogNotGivenBack(ILogger logger, string subWalletId, string code);
}
