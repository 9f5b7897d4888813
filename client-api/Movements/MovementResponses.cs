using Wallet.Movements;

namespace Wallet.ClientApi.Movements;

public sealed record TransferResponse(
    string TransferId, MovementStatus Status, string FromWalletId, TransferTarget To, long Amount, string Currency, string? Memo, DateTimeOffset CreatedAt)
{
    public static TransferResponse From(MovementReceipt r)
        => new(r.MovementId, r.Status, r.FromWalletId!, new TransferTarget(r.ToWalletId, null), r.Amount, r.Currency, r.Memo, r.CreatedAt);
}

public sealed record TopUpResponse(string TopUpId, MovementStatus Status, string WalletId, string CardId, long Amount, string Currency, DateTimeOffset CreatedAt)
{
    public static TopUpResponse From(MovementReceipt r) => new(r.MovementId, r.Status, r.ToWalletId!, r.CardId!, r.Amount, r.Currency, r.CreatedAt);
}

public sealed record WithdrawalResponse(string WithdrawalId, MovementStatus Status, string WalletId, string CardId, long Amount, string Currency, DateTimeOffset CreatedAt)
{
    public static WithdrawalResponse From(MovementReceipt r) => new(r.MovementId, r.Status, r.FromWalletId!, r.CardId!, r.Amount, r.Currency, r.CreatedAt);
}
