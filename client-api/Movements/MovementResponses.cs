using Wallet.Movements;

namespace Wallet.ClientApi.Movements;

/// <summary>A transfer as the bank recorded it.</summary>
/// <param name="TransferId">The transfer's id (<c>tr_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where the transfer stands: <c>completed</c> when the money has moved, <c>held_for_review</c> when risk control holds it for an operator.</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The wallet the money went to (<c>walletId</c>), also when it was sent to a phone number.</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="Memo">The sender's note, or null when none was given.</param>
/// <param name="CreatedAt">When the bank accepted the transfer, UTC, ISO 8601.</param>
public sealed record TransferResponse(
    string TransferId, MovementStatus Status, Party From, Party To, long Amount, string Currency, string? Memo, DateTimeOffset CreatedAt)
{
    public static TransferResponse Of(TransferReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.Amount, r.Currency, r.Memo, r.CreatedAt);
    }
}

/// <summary>A top-up as the bank recorded it.</summary>
/// <param name="TopUpId">The top-up's id (<c>tu_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where the top-up stands: <c>completed</c> when the money is in the wallet, <c>held_for_review</c> when risk control holds it for an operator.</param>
/// <param name="From">The card charged (<c>cardId</c>).</param>
/// <param name="To">The wallet topped up (<c>walletId</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="CreatedAt">When the bank accepted the top-up, UTC, ISO 8601.</param>
public sealed record TopUpResponse(string TopUpId, MovementStatus Status, Party From, Party To, long Amount, string Currency, DateTimeOffset CreatedAt)
{
    public static TopUpResponse Of(TopUpReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.Amount, r.Currency, r.CreatedAt);
    }
}

/// <summary>A withdrawal as the bank recorded it.</summary>
/// <param name="WithdrawalId">The withdrawal's id (<c>wd_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where the withdrawal stands: <c>completed</c> when the money has left for the card, <c>held_for_review</c> when risk control holds it for an operator.</param>
/// <param name="From">The wallet the money left (<c>walletId</c>).</param>
/// <param name="To">The card paid (<c>cardId</c>).</param>
/// <param name="Amount">The amount, an integer in minor units of the currency (fen for CNY).</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="CreatedAt">When the bank accepted the withdrawal, UTC, ISO 8601.</param>
public sealed record WithdrawalResponse(string WithdrawalId, MovementStatus Status, Party From, Party To, long Amount, string Currency, DateTimeOffset CreatedAt)
{
    public static WithdrawalResponse Of(WithdrawalReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.Amount, r.Currency, r.CreatedAt);
    }
}
