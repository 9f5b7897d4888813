using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Limits;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Families;

/// <summary>
/// A sub-wallet: the member's wallet it governs, who may look after it, and the rules each of its payments meets inside
/// its own transaction (<see cref="Admit"/>). What the owner is told, and the end, are in <c>SubWalletGrain.Notices.cs</c>.
/// </summary>
public sealed partial class SubWalletGrain(
    [PersistentState("sub-wallet", StorageNames.Wallet)] IPersistentState<SubWalletProfile> profile,
    [TransactionalState("guard", StorageNames.Wallet)] ITransactionalState<SubWalletGuard> guard,
    ITransactionClient transactions,
    LimitSchedule limits,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<SubWalletGrain> logger)
    : Grain, ISubWalletGrain, IRemindable
{
    private string SubWalletId => this.GetPrimaryKeyString();

    private SubWalletProfile State => profile.State;

    public async Task<Replayable<SubWalletView>> Open(SubWalletOpening opening)
    {
        if (profile.RecordExists)
        {
            if (State.OpenedBy != opening.OpenedBy || State.Request != opening.Request)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
            }
            await RequireSteward(opening.OpenedBy); // one who has left the family learns nothing more by replaying
            return Replayable<SubWalletView>.Again(await ViewNow());
        }
        RequireFutureEnd(opening.Rules);
        var family = GrainFactory.GetGrain<IFamilyGrain>(opening.FamilyId);
        if (await family.RoleOf(opening.OpenedBy) is not (FamilyRole.Owner or FamilyRole.Guardian) || opening.MemberId == opening.OpenedBy)
        {
            throw await family.RoleOf(opening.OpenedBy) is null ? WalletRefusedException.NotFound("The family")
                : opening.MemberId == opening.OpenedBy ? WalletRefusedException.NotFound("The member")
                : new WalletRefusedException(RefusalCodes.FamilyRoleRequired, "The family's owner or a guardian opens sub-wallets.");
        }
        switch (await family.RoleOf(opening.MemberId))
        {
            case null:
                throw WalletRefusedException.NotFound("The member");
            case FamilyRole.Owner or FamilyRole.Guardian:
                // A steward's own sub-wallet would be governed by its own spender: its rules would bind nobody.
                throw new WalletRefusedException(RefusalCodes.FamilyRoleRequired, "A sub-wallet is for a member; the owner and guardians look after them.");
        }
        // The wallet is in the member's name, under their tier and restriction, named by this sub-wallet: a retry reaches the same one.
        var wallet = await GrainFactory.GetGrain<ICustomerGrain>(opening.MemberId)
            .OpenWallet(opening.Currency, new IdempotentRequest(SubWalletId, opening.FamilyId), SubWalletId);
        await InTransaction(() => guard.PerformUpdate(g => g.Rules = opening.Rules));
        profile.State = new SubWalletProfile
        {
            FamilyId = opening.FamilyId, MemberId = opening.MemberId, OpenedBy = opening.OpenedBy, Currency = opening.Currency,
            WalletId = wallet.Value.WalletId, OpenedAt = clock.GetUtcNow(), Request = opening.Request,
            FamilyOwnerId = (await family.View(opening.OpenedBy)).OwnerId, ApprovalAboveCopy = opening.Rules.ApprovalAbove,
        };
        await profile.WriteStateAsync();
        await family.AddSubWallet(new FamilySubWallet(SubWalletId, State.WalletId, opening.MemberId, opening.OpenedBy));
        await this.RegisterOrUpdateReminder(FollowUpReminder, FollowUpEvery, FollowUpEvery);
        return Replayable<SubWalletView>.Made(await ViewNow());
    }

    public async Task<SubWalletView> View(string callerId)
    {
        if (await RoleOf(callerId) is not (FamilyRole.Owner or FamilyRole.Guardian) && callerId != State.MemberId)
        {
            throw WalletRefusedException.NotFound("The sub-wallet");
        }
        return await ViewNow();
    }

    public async Task<SubWalletView> ChangeRules(string callerId, SubWalletRules rules)
    {
        await RequireSteward(callerId);
        RequireFutureEnd(rules);
        await InTransaction(() => guard.PerformUpdate(g => g.Rules = rules));
        State.ApprovalAboveCopy = rules.ApprovalAbove;
        await profile.WriteStateAsync();
        return await ViewNow();
    }

    public async Task<SubWalletView> SetFrozen(string callerId, bool frozen)
    {
        await RequireSteward(callerId);
        await InTransaction(() => guard.PerformUpdate(g => g.Frozen = frozen));
        return await ViewNow();
    }

    public async Task Admit(Posting posting)
    {
        var now = clock.GetUtcNow();
        var local = TimeZoneInfo.ConvertTime(now, limits.Zone);
        var day = DateOnly.FromDateTime(local.DateTime);
        WalletRefusedException? refused = null;
        var counted = await guard.PerformUpdate(g =>
        {
            refused = SubWalletRuleBook.Refuses(g, posting, day, TimeOnly.FromDateTime(local.DateTime));
            if (refused is not null || posting.Kind != MovementKind.Payment)
            {
                return false;
            }
            g.Count(new SubWalletPayment(posting.MovementId, posting.Counterparty, posting.Amount, now, posting.Category, g.PaymentCount + 1), day);
            return true;
        });
        if (refused is not null)
        {
            throw refused;
        }
        if (counted)
        {
            TellSoon();
        }
    }

    public Task<bool> NeedsApproval(long amount) => Task.FromResult(profile.RecordExists && amount > State.ApprovalAboveCopy);

    public async Task<SubWalletTerms> Steward(string callerId)
    {
        if (callerId != SubWalletId)
        {
            await RequireSteward(callerId);
        }
        return new SubWalletTerms(State.WalletId, State.MemberId, State.Currency, State.EndReason is not null, await StewardsNow());
    }

    public async Task NoteFunding(string walletId)
    {
        if (profile.RecordExists && State.FundedFrom != walletId)
        {
            State.FundedFrom = walletId;
            await profile.WriteStateAsync();
        }
    }

    /// <summary>The owner and guardians look after it; its member may only look; to anyone else it does not exist.</summary>
    private async Task RequireSteward(string callerId)
    {
        switch (await RoleOf(callerId))
        {
            case FamilyRole.Owner or FamilyRole.Guardian when callerId != State.MemberId:
                return;
            case not null when callerId == State.MemberId:
                throw new WalletRefusedException(RefusalCodes.FamilyRoleRequired, "The family's owner or a guardian looks after a sub-wallet; its member spends from it.");
            default:
                throw WalletRefusedException.NotFound("The sub-wallet");
        }
    }

    /// <summary>An end date already past would end a sub-wallet at once: a mistake, not a wish.</summary>
    private void RequireFutureEnd(SubWalletRules rules)
    {
        if (rules.EndDate < limits.DayOf(clock.GetUtcNow()))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "The end date is today or later (Beijing time).");
        }
    }

    private async Task<FamilyRole?> RoleOf(string callerId)
        => profile.RecordExists ? await GrainFactory.GetGrain<IFamilyGrain>(State.FamilyId).RoleOf(callerId) : null;

    private async Task<SubWalletView> ViewNow() => ViewOf(await Snapshot());

    /// <summary>
    /// The guard as committed (its rules, the day's spending, its payments) and the wallet's balance, read in one transaction:
    /// the wallet first, then the guard, the order every payment locks them in — the other order deadlocks with payments.
    /// </summary>
    private async Task<(SubWalletGuard Guard, long Balance)> Snapshot()
    {
        SubWalletGuard? g = null;
        long balance = 0;
        await InTransaction(async () =>
        {
            balance = await GrainFactory.GetGrain<IWalletGrain>(State.WalletId).ReadBalance();
            g = await guard.PerformRead(read => read);
        });
        return (g!, balance);
    }

    /// <summary>The guard alone, as committed: what the notices read, without taking the wallet's lock at all.</summary>
    private async Task<SubWalletGuard> Guard()
    {
        SubWalletGuard? g = null;
        await InTransaction(async () => g = await guard.PerformRead(read => read));
        return g!;
    }

    private SubWalletView ViewOf((SubWalletGuard Guard, long Balance) now)
    {
        var (g, day) = (now.Guard, limits.DayOf(clock.GetUtcNow()));
        return new SubWalletView(SubWalletId, State.WalletId, State.FamilyId, State.MemberId, State.OpenedBy, State.Currency, now.Balance, g.Frozen, g.EndedAt,
            g.Rules, day, g.SpentOn(day), [.. g.Payments.Reverse().Take(20)], State.OpenedAt);
    }

    private Task InTransaction(Func<Task> work) => transactions.RunTransaction(TransactionOption.Create, work);
}
