using Wallet.Identity;
using Wallet.Ledger;

namespace Wallet.Families;

/// <summary>
/// A sub-wallet (子钱包, keyed <c>sw_…</c>): a wallet in a member's name that the family's owner or a guardian funds and
/// governs. The member pays merchants from it with their own PIN or device; its rules are checked inside each payment's
/// transaction (<see cref="Admit"/>), so two payments at once can never pass a limit together.
/// </summary>
[Alias("Wallet.ISubWalletGrain")]
public interface ISubWalletGrain : IGrainWithStringKey
{
    /// <summary>Opens the member's wallet under these rules; the same request again answers the sub-wallet opened.</summary>
    [Alias("Open")]
    Task<Replayable<SubWalletView>> Open(SubWalletOpening opening);

    /// <summary>The sub-wallet as the family's owner, a guardian or its member sees it; to anyone else it does not exist.</summary>
    [Alias("View")]
    Task<SubWalletView> View(string callerId);

    /// <summary>The owner or a guardian changes the rules: from the next payment on (one under way keeps the rules it met).</summary>
    [Alias("ChangeRules")]
    Task<SubWalletView> ChangeRules(string callerId, SubWalletRules rules);

    /// <summary>The owner or a guardian freezes it (no payment passes) or lets it pay again.</summary>
    [Alias("SetFrozen")]
    Task<SubWalletView> SetFrozen(string callerId, bool frozen);

    /// <summary>
    /// Inside a debit's transaction, after the wallet's own checks: lets a payment within the rules through and counts it,
    /// or refuses by throwing (which aborts the movement; it is then recorded refused, with the rule that said no).
    /// </summary>
    [Alias("Admit"), Transaction(TransactionOption.Join), AlwaysInterleave]
    Task Admit(Posting posting);

    /// <summary>Whether a payment of <paramref name="amount"/> must wait for the family's approval (over the rules' threshold), asked while it is planned.</summary>
    [Alias("NeedsApproval"), AlwaysInterleave]
    Task<bool> NeedsApproval(long amount);

    /// <summary>What a top-up or a take-back needs, for the family's owner or a guardian; anyone else is told it does not exist.</summary>
    [Alias("Steward"), AlwaysInterleave]
    Task<SubWalletTerms> Steward(string callerId);

    /// <summary>A top-up came from <paramref name="walletId"/>: what is left goes back there when the sub-wallet ends.</summary>
    [Alias("NoteFunding")]
    Task NoteFunding(string walletId);

    /// <summary>Ends it for good (its end date passed, its member left the family): no payment passes, and what is left goes back to who funded it last.</summary>
    [Alias("End")]
    Task<SubWalletView> End(string reason);

    /// <summary>What its reminder does: ends it once its end date passed, tells the owner of payments not yet told, and sends the daily summary when due.</summary>
    [Alias("FollowUp")]
    Task<SubWalletView> FollowUp();
}
