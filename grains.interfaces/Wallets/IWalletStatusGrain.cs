using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>
/// A wallet's status: the owner's freeze, unfreeze and close, an operator's holds, and the events that
/// report each change. Keyed by the wallet's id. The status that decides is in the wallet's book
/// (<see cref="IWalletBookkeepingGrain.Shift"/>), where every debit checks it in its own transaction; this grain
/// says who may change it, runs the change's transaction, and tells the customer's stream.
/// </summary>
[Alias("Wallet.IWalletStatusGrain")]
public interface IWalletStatusGrain : IGrainWithStringKey
{
    /// <summary>The owner reports the phone lost: money may come in, none goes out, until unfrozen.</summary>
    [Alias("Freeze")]
    Task<WalletView> Freeze(string callerId);

    /// <summary>Lifts the owner's freeze (the customer's payment credentials have checked the PIN and the SMS code); not a bank's receive-only hold.</summary>
    [Alias("Unfreeze")]
    Task<WalletView> Unfreeze(string callerId);

    /// <summary>An operator's hold or release: active, frozen or receive-only, with the operator's reason kept.</summary>
    [Alias("SetStatus")]
    Task<WalletView> SetStatus(WalletStatus status, StatusNote note);

    /// <summary>Closes an empty wallet for good; refuses <c>wallet_not_empty</c> while it holds money.</summary>
    [Alias("Close")]
    Task<WalletView> Close(string callerId);
}

/// <summary>What a status change asks of the wallet's book.</summary>
public enum StatusChangeKind
{
    /// <summary>The owner's freeze: an active wallet becomes frozen; a frozen or receive-only one stays as it is.</summary>
    Freeze = 0,

    /// <summary>The owner's unfreeze: a frozen wallet becomes active; not one the bank holds receive-only.</summary>
    Unfreeze = 1,

    /// <summary>An operator sets the status (<see cref="StatusChange.To"/>), never to closed.</summary>
    Set = 2,

    /// <summary>The owner closes the wallet, only when it holds nothing.</summary>
    Close = 3,
}

/// <summary>A status change, applied in the wallet's book by <see cref="IWalletBookkeepingGrain.Shift"/>; the rules of each kind are here.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.StatusChange")]
public sealed record StatusChange([property: Id(0)] StatusChangeKind Kind, [property: Id(1)] WalletStatus To = WalletStatus.Active)
{
    /// <summary>Why the book's <paramref name="current"/> status refuses the change, or null (closing's own checks are the book's).</summary>
    public Refusal? Refuses(WalletStatus current) => (Kind, current) switch
    {
        (_, WalletStatus.Closed) when Kind != StatusChangeKind.Close => WalletStatuses.RefusesIncoming(current),
        (StatusChangeKind.Unfreeze, WalletStatus.ReceiveOnly) => new Refusal(RefusalCodes.WalletNotFrozen, "The bank holds this wallet receive-only; only the bank can lift that."),
        _ => null,
    };

    /// <summary>The status after the change, from the book's <paramref name="current"/>.</summary>
    public WalletStatus Next(WalletStatus current) => Kind switch
    {
        StatusChangeKind.Freeze => current == WalletStatus.Active ? WalletStatus.Frozen : current,
        StatusChangeKind.Unfreeze => WalletStatus.Active,
        StatusChangeKind.Set => To,
        StatusChangeKind.Close => WalletStatus.Closed,
    };
}
