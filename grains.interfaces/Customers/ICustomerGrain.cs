using Wallet.Cards;
using Wallet.Identity;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>
/// A customer's profile: who they are (phone, verified name), their tier and risk restriction, the
/// wallets and cards they own, and the account's life. Signing in and sessions are <see cref="ICustomerAccessGrain"/>'s,
/// the PIN and devices <see cref="IPaymentCredentialsGrain"/>'s, codes and coupons <see cref="IPayerGrain"/>'s; the
/// cards are kept by <see cref="ICardholderGrain"/>, through this grain.
/// </summary>
[Alias("Wallet.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithStringKey
{
    /// <summary>A new customer: their access (the password) first, then the profile; again changes nothing.</summary>
    [Alias("Enrol")]
    Task Enrol(CustomerEnrolment enrolment);

    [Alias("GetProfile")]
    Task<CustomerProfile> GetProfile();

    /// <summary>
    /// Real-name verification: the identity service must confirm the name and number; the customer
    /// then rises to tier 3 (never falls by it). Refuses another number once one is verified.
    /// </summary>
    [Alias("VerifyRealName")]
    Task<CustomerProfile> VerifyRealName(string name, string idNumber);

    /// <summary>
    /// Whether <paramref name="idNumber"/> is the verified one (true when none is verified yet): a reset of a
    /// verified customer's password or PIN needs it. Interleaves: the access grain asks while this one may be asking it.
    /// </summary>
    [Alias("MatchesIdNumber"), AlwaysInterleave]
    Task<bool> MatchesIdNumber(string? idNumber);

    /// <summary>
    /// An operator's change of tier: 1 after verifying the customer in person, or a downgrade to 3
    /// or 4 (tiers above 4 need the real name verified). Recorded with the reason.
    /// </summary>
    [Alias("ChangeTier")]
    Task<CustomerProfile> ChangeTier(int tier, string reason);

    /// <summary>Re-derives tier 2 from the customer's cards (a debit card in the verified name) after a card changes.</summary>
    [Alias("ReviewTier")]
    Task ReviewTier();

    /// <summary>
    /// The risk monitor changed the customer's restriction: every wallet's book caches it
    /// in one transaction, so from its commit no movement gets past it; wallets opened later start on it.
    /// </summary>
    [Alias("Restrict")]
    Task Restrict(Risk.Restriction restriction);

    /// <summary>The customer's restriction, for early checks; each wallet's book decides with its cached copy.</summary>
    [Alias("GetRestriction"), AlwaysInterleave]
    Task<Risk.Restriction> GetRestriction();

    /// <summary>
    /// A new wallet, named by the request's idempotency key: the wallet itself recognises the request again. A family's
    /// sub-wallet (<paramref name="subWalletId"/>) is opened this way in its member's name, under their tier and restriction.
    /// </summary>
    [Alias("OpenWallet")]
    Task<Replayable<WalletView>> OpenWallet(string currency, IdempotentRequest request, string? subWalletId = null);

    [Alias("ListWallets")]
    Task<IReadOnlyList<WalletView>> ListWallets();

    /// <summary>The customer's first active wallet in the currency: where money sent to their phone lands.</summary>
    [Alias("FindReceivingWallet")]
    Task<string?> FindReceivingWallet(string currency);

    /// <summary>A card bound (in the verified name, once verified), named by the request's idempotency key: the card's binding recognises the request again.</summary>
    [Alias("BindCard")]
    Task<Replayable<CardView>> BindCard(CardApplication application, IdempotentRequest request);

    [Alias("UnbindCard")]
    Task UnbindCard(string cardId);

    /// <summary>All the customer's personal data and history, for them to take away.</summary>
    [Alias("Export")]
    Task<CustomerExport> Export();

    /// <summary>Closes the account for good (every wallet must be empty); personal data is erased, ledger entries stay.</summary>
    [Alias("Close")]
    Task Close();
}
