using Wallet.Cards;
using Wallet.Hosting;
using Wallet.Limits;
using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>A wallet's auto top-up: the owner's setting, and the day's share of its cap each payment's top-up reserves.</summary>
public sealed class AutoTopUpGrain(
    [PersistentState("auto-top-up", StorageNames.Wallet)] IPersistentState<AutoTopUpState> state,
    LimitSchedule limits,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IAutoTopUpGrain
{
    private string WalletId => this.GetPrimaryKeyString();

    private AutoTopUpState State => state.State;

    public async Task<AutoTopUpView?> Find(string callerId)
    {
        return View(await OwnedBy(callerId));
    }

    public async Task<AutoTopUpView> Set(string callerId, AutoTopUpSettings settings)
    {
        var wallet = await OwnedBy(callerId);
        if (wallet.SubWalletId is not null)
        {
            throw new WalletRefusedException(RefusalCodes.NotForSubWallet, "A sub-wallet is topped up by its family, not by a card.");
        }
        await GrainFactory.GetGrain<ICardBindingGrain>(settings.CardId).GetInstrument(callerId); // one of theirs, bound and verified
        State.Settings = settings;
        await state.WriteStateAsync();
        await NoteCover();
        return View(wallet)!;
    }

    public async Task Remove(string callerId)
    {
        await OwnedBy(callerId);
        if (State.Settings is not null)
        {
            State.Settings = null;
            await state.WriteStateAsync();
        }
        await NoteCover();
    }

    public async Task<FundCoverView?> SetFundCover(string callerId, string? holdingId)
    {
        var wallet = await OwnedBy(callerId);
        if (holdingId is not null)
        {
            if (wallet.SubWalletId is not null)
            {
                throw new WalletRefusedException(RefusalCodes.NotForSubWallet, "A sub-wallet is topped up by its family, not by a fund.");
            }
            var holding = await GrainFactory.GetGrain<Products.IHoldingGrain>(holdingId).View(callerId) ?? throw WalletRefusedException.NotFound("The holding");
            if (holding.Kind != Products.ProductKind.MoneyMarket || holding.Status is not (Products.HoldingStatus.Active or Products.HoldingStatus.Redeemed))
            {
                throw new WalletRefusedException(RefusalCodes.ValidationFailed, "Only a holding of a money-market fund covers payments.");
            }
            if (holding.Currency != wallet.Currency)
            {
                throw new WalletRefusedException(RefusalCodes.CurrencyMismatch, $"The holding is in {holding.Currency}, the wallet in {wallet.Currency}.");
            }
        }
        if (State.FundHoldingId != holdingId)
        {
            State.FundHoldingId = holdingId;
            await state.WriteStateAsync();
        }
        await NoteCover();
        return FundView(wallet);
    }

    public async Task<FundCoverView?> FindFundCover(string callerId) => FundView(await OwnedBy(callerId));

    public Task<string?> FundCoverOf() => Task.FromResult(State.FundHoldingId);

    private FundCoverView? FundView(WalletFacts wallet) => State.FundHoldingId is { } holdingId ? new FundCoverView(WalletId, holdingId, wallet.Currency) : null;

    /// <summary>The wallet's facts say whether anything covers it: a payment short of money asks here only then (again on a replay: a crash between the two heals).</summary>
    private Task NoteCover() => GrainFactory.GetGrain<IWalletBookkeepingGrain>(WalletId).NoteAutoTopUp(State.Settings is not null || State.FundHoldingId is not null);

    public async Task<AutoTopUpPlan?> Reserve(string topUpId, long shortfall)
    {
        if (shortfall <= 0)
        {
            return null;
        }
        if (State.Settings is not { } settings)
        {
            return null;
        }
        Today();
        if (State.Reserved.TryGetValue(topUpId, out var reserved))
        {
            return new AutoTopUpPlan(settings.CardId, reserved);
        }
        var room = settings.DailyCap - State.Used;
        var rounded = settings.RoundTo is { } round ? checked((shortfall + round - 1) / round * round) : shortfall;
        var amount = rounded <= room ? rounded : shortfall <= room ? shortfall : 0;
        if (amount == 0)
        {
            return null;
        }
        State.Used += amount;
        State.Reserved[topUpId] = amount;
        await state.WriteStateAsync();
        return new AutoTopUpPlan(settings.CardId, amount);
    }

    public async Task Release(string topUpId)
    {
        if (State.Reserved.Remove(topUpId, out var amount))
        {
            State.Used -= amount;
            await state.WriteStateAsync();
        }
    }

    /// <summary>A new bank day starts with the whole cap (the reservations of earlier days are done with).</summary>
    private void Today()
    {
        var day = limits.DayOf(clock.GetUtcNow());
        if (State.Day != day)
        {
            (State.Day, State.Used) = (day, 0);
            State.Reserved.Clear();
        }
    }

    private AutoTopUpView? View(WalletFacts wallet)
    {
        Today();
        return State.Settings is { } settings ? new AutoTopUpView(WalletId, settings, State.Day, State.Used, wallet.Currency) : null;
    }

    private async Task<WalletFacts> OwnedBy(string callerId)
        => await GrainFactory.GetGrain<IWalletGrain>(WalletId).GetFacts() is { } facts && facts.OwnerId == callerId
            ? facts : throw WalletRefusedException.NotFound("The wallet");
}

[GenerateSerializer, Alias("Wallet.AutoTopUpState")]
public sealed class AutoTopUpState
{
    [Id(0)] public AutoTopUpSettings? Settings { get; set; }
    [Id(1)] public DateOnly Day { get; set; }
    [Id(2)] public long Used { get; set; }

    /// <summary>Today's top-ups by id and what each reserved of the cap, so a payment asking again gets the same answer.</summary>
    [Id(3)] public Dictionary<string, long> Reserved { get; set; } = [];

    /// <summary>The owner's holding of a money-market fund that covers the wallet's payments first; null when none does.</summary>
    [Id(4)] public string? FundHoldingId { get; set; }
}
