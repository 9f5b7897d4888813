using Wallet.Refusals;
using Wallet.Money;
using Wallet.Wallets;

namespace Wallet.Movements;

/// <summary>
/// Who may read a movement's record, and the refunds of a payment. Reads only: each answers from the
/// settled record (or reads it once), so retrieving never takes part in a payment's transaction.
/// </summary>
public sealed partial class MovementGrain
{
    public Task<Refusal?> AddRefund(string merchantId, long amount, string refundId) => record.PerformUpdate(r =>
    {
        if (r.Receipt is not { Kind: MovementKind.Payment, Status: MovementStatus.Completed } paid || paid.MerchantId != merchantId)
        {
            return new Refusal(RefusalCodes.NotFound, "The payment was not found.");
        }
        if (r.Refunded + amount > paid.MerchantReceived)
        {
            return new Refusal(RefusalCodes.RefundExceedsPayment,
                $"Refunds of this payment may total at most {Amounts.Format(paid.MerchantReceived, paid.Currency)}; {Amounts.Format(r.Refunded, paid.Currency)} is refunded already.");
        }
        r.Refunded += amount;
        r.Refunds.Add(refundId); // the payment's list of refunds, written where the refund is counted: no write of its own
        return (Refusal?)null;
    });

    public async Task<MovementReceipt?> FindPayment(string merchantId)
    {
        var known = _settled ?? await ReadRecord();
        return known?.Receipt is { Kind: MovementKind.Payment, Status: MovementStatus.Completed } paid && paid.MerchantId == merchantId ? paid : null;
    }

    public async Task<MovementReceipt?> Find(string callerId)
    {
        var known = _settled ?? await ReadRecord();
        return known?.CustomerId == callerId ? known.Receipt : null;
    }

    public async Task<MovementReceipt?> FindForMerchant(string merchantId)
    {
        var known = _settled ?? await ReadRecord();
        return known?.Receipt is { } receipt && receipt.MerchantId == merchantId
            && (known.CustomerId == merchantId || receipt.Status == MovementStatus.Completed) // a customer's payment not completed is theirs alone (refused, or held for review)
            ? await ExpireIfOverdue(receipt) : null;
    }

    public async Task<MovementReceipt?> FindForPayer(string customerId)
    {
        var known = _settled ?? await ReadRecord();
        return known?.Receipt is { Kind: MovementKind.Payment } receipt && (known.CustomerId == customerId || receipt.PayerId == customerId)
            ? await ExpireIfOverdue(receipt) : null; // a charge past its confirmation time reads as what it is, refused
    }

    public async Task<MovementReceipt?> FindForRecipient(string customerId)
    {
        var known = _settled ?? await ReadRecord();
        if (known?.Receipt is not { Kind: MovementKind.Transfer, Status: MovementStatus.Completed, ToWalletId: { } to } receipt)
        {
            return null;
        }
        return known.CustomerId == customerId || (await Wallet(to).GetFacts())?.OwnerId == customerId ? receipt : null;
    }

    public async Task<IReadOnlyList<string>?> ListRefunds(string merchantId)
    {
        var known = await ReadRecord(); // refunds are added by other movements' transactions: the settled copy may not have them
        return known?.Receipt is { Kind: MovementKind.Payment } paid && paid.MerchantId == merchantId ? known.Refunds : null;
    }
}
