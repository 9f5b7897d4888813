namespace Wallet.Web.Api;

public sealed record Card(string CardId, string Status, string Masked, string BankName, string HolderName, string Kind);

public sealed record BindCardRequest(string CardNumber, string HolderName, string Phone);

public sealed record VerifyCardRequest(string Code);

public sealed record TopUpRequest(string CardId, long Amount, string Currency);

public sealed record WithdrawalRequest(string CardId, long Amount, string Currency, string Pin);

public sealed record TransferTarget(string? WalletId, string? Phone);

public sealed record TransferRequest(string FromWalletId, TransferTarget To, long Amount, string Currency, string? Memo, string Pin);

/// <summary>The answer to any movement the app starts: its status and amount (each kind names its id differently).</summary>
public sealed record MovementResult(string Status, long Amount, string Currency, string? TransferId, string? TopUpId, string? WithdrawalId, string? PaymentId);

public sealed record PaymentCodeRequest(string WalletId);

public sealed record PaymentCode(string Code, string WalletId, DateTimeOffset ExpiresAt);

public sealed record PaymentRequest(string QrPayload, string FromWalletId, long? Amount, string Pin);
