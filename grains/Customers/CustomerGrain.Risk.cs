using Wallet.Risk;

namespace Wallet.Customers;

/// <summary>The customer's restriction, held here and cached in every wallet's book; the payment credentials and charges ask it here.</summary>
public sealed partial class CustomerGrain
{
    public async Task Restrict(Restriction restriction)
    {
        if (!customer.RecordExists)
        {
            return; // nobody to restrict (a monitor fed by a stream of a customer who never was)
        }
        var state = customer.State; // a closed account too: its wallets are closed, and the restriction stays on record
        state.Restriction = restriction;
        await customer.WriteStateAsync();
        await RestrictWallets(state.WalletIds, restriction);
    }

    public Task<Restriction> GetRestriction() => Task.FromResult(customer.RecordExists ? customer.State.Restriction : Restriction.None);

    /// <summary>One transaction over the wallets: a movement under way finishes first, every later one sees the restriction.</summary>
    private Task RestrictWallets(IReadOnlyList<string> walletIds, Restriction restriction)
        => transactions.RunTransaction(TransactionOption.Create,
            () => Task.WhenAll(walletIds.Select(id => GrainFactory.GetGrain<Wallets.IWalletBookkeepingGrain>(id).Restrict(restriction))));
}
