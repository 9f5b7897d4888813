using Wallet.Refusals;
using Wallet.Support;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>Taking one's data out, and closing the account.</summary>
public sealed partial class CustomerGrain
{
    public async Task<CustomerExport> Export()
    {
        var statements = new List<WalletStatement>();
        foreach (var walletId in State.WalletIds)
        {
            statements.Add(await WholeStatements.Read(GrainFactory, walletId, CustomerId));
        }
        var support = await GrainFactory.GetGrain<ISupportConversationGrain>(CustomerId).View(null, SupportLimits.KeptMessages);
        return new CustomerExport(await GetProfile(), statements, await Access.ListSessions(), support, clock.GetUtcNow());
    }

    /// <summary>
    /// Closes the account: every wallet closed (each must be empty), every card unbound, the phone
    /// number released, and the personal data erased — here first, then the password, sessions, PIN and
    /// devices, then what the customer wrote to customer care and its images. The ledger's entries stay, so the
    /// books still balance, and so do claims (the bank's record of an investigation). Should erasing those fail,
    /// closing again finishes it.
    /// </summary>
    public async Task Close()
    {
        if (!customer.RecordExists || customer.State.ClosedAt is null)
        {
            await CloseProfile();
        }
        await Access.Close();
        await Credentials.Close();
        await GrainFactory.GetGrain<ISupportConversationGrain>(CustomerId).Erase();
    }

    private async Task CloseProfile()
    {
        var state = State;
        if (await GrainFactory.GetGrain<Credit.ICreditFileGrain>(CustomerId).PrincipalOwed() > 0)
        {
            // A borrower does not walk away from a loan: their data and wallets stay until it is repaid.
            throw new WalletRefusedException(RefusalCodes.LoanOutstanding, "Repay your loans before closing the account.");
        }
        foreach (var walletId in state.WalletIds)
        {
            // All checked before any is closed, so the usual refusal changes nothing.
            var view = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetView(CustomerId);
            if (view.Status != WalletStatus.Closed && view.Balance != 0)
            {
                throw new WalletRefusedException(RefusalCodes.WalletNotEmpty, "Move the money out of every wallet before closing the account.");
            }
        }
        foreach (var walletId in state.WalletIds)
        {
            await GrainFactory.GetGrain<IWalletStatusGrain>(walletId).Close(CustomerId);
        }
        await Cardholder.Close();
        await GrainFactory.GetGrain<IPhoneDirectoryGrain>(state.Phone!).Release(CustomerId);
        if (state.IdentityKey is { } identityKey)
        {
            await GrainFactory.GetGrain<IIdentityDirectoryGrain>(identityKey).Release(CustomerId);
        }
        state.Phone = null;
        state.RealName = null;
        state.IdNumberHash = null;
        state.IdNumberMasked = null;
        state.IdentityKey = null;
        state.ClosedAt = clock.GetUtcNow();
        await customer.WriteStateAsync();
    }
}
