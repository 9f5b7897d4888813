using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>Unfreezing a wallet, taking one's data out, and closing the account.</summary>
public sealed partial class CustomerGrain
{
    public async Task<WalletView> UnfreezeWallet(string walletId, string pin, string code)
    {
        OwnWallet(walletId);
        await VerifyPaymentPin(pin);
        await ProveCode(CodePurpose.Unfreeze, code);
        await customer.WriteStateAsync();
        return await GrainFactory.GetGrain<IWalletGrain>(walletId).Unfreeze(this.GetPrimaryKeyString());
    }

    public Task SendUnfreezeCode(string walletId)
    {
        OwnWallet(walletId);
        return SendCode(CodePurpose.Unfreeze);
    }

    public async Task<CustomerExport> Export()
    {
        var state = State;
        var id = this.GetPrimaryKeyString();
        var statements = new List<WalletStatement>();
        foreach (var walletId in state.WalletIds)
        {
            var wallet = GrainFactory.GetGrain<IWalletGrain>(walletId);
            var entries = new List<WalletEntry>();
            long? before = null;
            do
            {
                var page = await wallet.GetEntries(id, new EntryQuery(100, before, null, null, null));
                entries.AddRange(page.Items);
                before = page.NextBeforeSequence;
            }
            while (before is not null);
            statements.Add(new WalletStatement(await wallet.GetView(id), entries));
        }
        var sessions = state.Sessions.Select(s => new SessionSummary(s.Key, s.Value.StartedAt, s.Value.ExpiresAt)).ToList();
        return new CustomerExport(await GetProfile(), statements, sessions, clock.GetUtcNow());
    }

    /// <summary>
    /// Closes the account: every wallet closed (each must be empty), every card unbound, the phone
    /// number released, and the personal data erased. The ledger's entries stay, so the books still balance.
    /// </summary>
    public async Task Close()
    {
        var state = State;
        var id = this.GetPrimaryKeyString();
        foreach (var walletId in state.WalletIds)
        {
            // All checked before any is closed, so the usual refusal changes nothing.
            var view = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetView(id);
            if (view.Status != WalletStatus.Closed && view.Balance != 0)
            {
                throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "Move the money out of every wallet before closing the account.");
            }
        }
        foreach (var walletId in state.WalletIds)
        {
            await GrainFactory.GetGrain<IWalletGrain>(walletId).Close(id);
        }
        foreach (var cardId in state.CardTokens.Keys)
        {
            await Card(cardId).Unbind(id);
        }
        await GrainFactory.GetGrain<IPhoneDirectoryGrain>(state.Phone!).Release(id);
        if (state.IdentityKey is { } identityKey)
        {
            await GrainFactory.GetGrain<IIdentityDirectoryGrain>(identityKey).Release(id);
        }
        state.CardTokens.Clear();
        state.Phone = null;
        state.RealName = null;
        state.IdNumberHash = null;
        state.IdNumberMasked = null;
        state.IdentityKey = null;
        state.PasswordHash = "";
        state.PinHash = null;
        state.SmsCode = null;
        state.Sessions.Clear();
        state.Creations.Clear();
        state.ClosedAt = clock.GetUtcNow();
        await customer.WriteStateAsync();
    }

    private void OwnWallet(string walletId)
    {
        if (!State.WalletIds.Contains(walletId))
        {
            throw WalletRefusedException.NotFound("The wallet");
        }
    }
}
