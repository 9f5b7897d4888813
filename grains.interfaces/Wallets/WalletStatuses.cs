using Wallet.Refusals;

namespace Wallet.Wallets;

/// <summary>What each wallet status lets through: frozen and receive-only wallets take money in but send none; closed ones neither.</summary>
public static class WalletStatuses
{
    /// <summary>Why money may not leave a wallet in this status, or null if it may.</summary>
    public static Refusal? RefusesOutgoing(WalletStatus status) => status switch
    {
        WalletStatus.Active => null,
        WalletStatus.Frozen => new(RefusalCodes.WalletFrozen, "The wallet is frozen: unfreeze it with the payment PIN and a code sent by SMS."),
        WalletStatus.ReceiveOnly => new(RefusalCodes.WalletReceiveOnly, "The wallet may only receive money while the bank reviews it."),
        WalletStatus.Closed => Closed,
    };

    /// <summary>Why money may not come into a wallet in this status, or null if it may.</summary>
    public static Refusal? RefusesIncoming(WalletStatus status) => status == WalletStatus.Closed ? Closed : null;

    private static readonly Refusal Closed = new(RefusalCodes.WalletClosed, "The wallet is closed.");

    public static WalletRefusedException AsException(this Refusal refusal) => new(refusal.Code, refusal.Detail ?? refusal.Code) { Limit = refusal.Limit };
}
