using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>
/// One product of the bank's (keyed <c>prd_…</c>): its terms and rates, set by operators, and its quota, drawn on inside each
/// purchase's transaction so that buyers at once never raise more than it.
/// </summary>
[Alias("Wallet.IProductGrain")]
public interface IProductGrain : IGrainWithStringKey
{
    /// <summary>Sets the product up as a draft; the same terms again answer as before (a replay), other terms are refused once it exists.</summary>
    [Alias("Create")]
    Task<ProductView> Create(ProductTerms terms);

    /// <summary>Moves the product to <paramref name="status"/> (publish, pause, close); refuses a move its state does not allow.</summary>
    [Alias("Move")]
    Task<ProductView> Move(ProductStatus status);

    /// <summary>Sets the rates for new purchases and for a money-market fund's days, from the next bank day on.</summary>
    [Alias("SetRates")]
    Task<ProductView> SetRates(int annualRateBasisPoints, int demandRateBasisPoints);

    /// <summary>The product as it stands with what it has raised, or null when it does not exist.</summary>
    [Alias("View"), Transaction(TransactionOption.CreateOrJoin), AlwaysInterleave]
    Task<ProductView?> View();

    /// <summary>
    /// The product as customers browse it: what it has raised as read at most a couple of seconds ago, so a launch's page
    /// views do not queue with its purchases on the quota's lock (a product without a quota is read with no lock at all).
    /// </summary>
    [Alias("Glance")]
    Task<ProductView?> Glance();

    /// <summary>
    /// The product's terms and rates as a purchase or a holding plans with them (outside any transaction, so planning does
    /// not queue behind the purchases' locks on the quota); null when it does not exist.
    /// </summary>
    [Alias("Offer")]
    Task<ProductOffer?> Offer();

    /// <summary>
    /// Inside a purchase's transaction: draws <paramref name="amount"/> on the quota if the product is on sale now, or says why
    /// not. Interleaves: the transaction's lock on the quota serialises the purchases.
    /// </summary>
    [Alias("Draw"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task<Refusal?> Draw(string purchaseId, long amount);
}

/// <summary>Every product's id, for the lists customers and operators see.</summary>
[Alias("Wallet.IProductCatalogueGrain")]
public interface IProductCatalogueGrain : IGrainWithIntegerKey
{
    [Alias("Note")]
    Task Note(string productId);

    [Alias("List")]
    Task<IReadOnlyList<string>> List();
}
