using Wallet.Risk;

namespace Wallet.Customers;

/// <summary>The customer's rung on the risk ladder, kept here and in every wallet's book; the payment credentials ask it here.</summary>
public sealed partial class CustomerGrain
{
    public async Task Restrict(RiskAction restriction)
    {
        if (!customer.RecordExists)
        {
            return; // nobody to restrict (a monitor fed by a stream of a customer who never was)
        }
        var state = customer.State; // a closed account too: its wallets are closed, and the rung stays on record
        state.Restriction = restriction;
        await customer.WriteStateAsync();
        await RestrictWallets(state.WalletIds, restriction);
    }

    public Task<RiskAction> GetRestriction() => Task.FromResult(customer.RecordExists ? customer.State.Restriction : RiskAction.None);

    /// <summary>One transaction over the wallets: a movement under way finishes first, every later one sees the rung.</summary>
    private Task RestrictWallets(IReadOnlyList<string> walletIds, RiskAction restriction)
        => transactions.RunTransaction(TransactionOption.Create,
            () => Task.WhenAll(walletIds.Select(id => GrainFactory.GetGrain<Wallets.IWalletGrain>(id).Restrict(restriction))));
}
