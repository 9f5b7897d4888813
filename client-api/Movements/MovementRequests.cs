namespace Wallet.ClientApi.Movements;

public sealed record TransferRequest(string? FromWalletId, TransferTarget? To, long? Amount, string? Currency, string? Memo, string? Pin);

/// <summary>Where a transfer goes: a wallet id, or the phone number of a customer (to their wallet in that currency).</summary>
public sealed record TransferTarget(string? WalletId, string? Phone);

public sealed record TopUpRequest(string? CardId, long? Amount, string? Currency);

public sealed record WithdrawalRequest(string? CardId, long? Amount, string? Currency, string? Pin);
