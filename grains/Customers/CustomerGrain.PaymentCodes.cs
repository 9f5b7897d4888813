using System.Globalization;
using System.Security.Cryptography;
using Wallet.Merchants;
using Wallet.Wallets;

namespace Wallet.Customers;

/// <summary>Payment codes the customer shows, and the day's count of code payments that decides when a charge needs confirming.</summary>
public sealed partial class CustomerGrain
{
    public async Task<PaymentCode> IssuePaymentCode(string walletId)
    {
        OwnWallet(walletId);
        var facts = await GrainFactory.GetGrain<IWalletGrain>(walletId).GetFacts();
        if (WalletStatuses.RefusesOutgoing(facts!.Status) is { } refusal)
        {
            throw refusal.AsException();
        }
        var digits = "28" + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture)
            + RandomNumberGenerator.GetInt32(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
        var code = new PaymentCode(digits, this.GetPrimaryKeyString(), walletId, clock.GetUtcNow() + PaymentCodes.Lifetime);
        await GrainFactory.GetGrain<IPaymentCodeGrain>(digits).Issue(code);
        return code;
    }

    public Task<int> CodePaymentsToday()
        => Task.FromResult(State.CodePayments is { } counted && counted.Day == limits.DayOf(clock.GetUtcNow()) ? counted.Count : 0);

    public async Task NotePendingCharge(PendingCharge charge)
    {
        State.PendingCharges[charge.PaymentId] = charge;
        await customer.WriteStateAsync();
    }

    public async Task ForgetPendingCharge(string paymentId)
    {
        if (State.PendingCharges.Remove(paymentId))
        {
            await customer.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<PendingCharge>> ListPendingCharges()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<PendingCharge>>([.. State.PendingCharges.Values.Where(c => c.ConfirmBy >= now).OrderByDescending(c => c.ConfirmBy)]);
    }

    public async Task NoteCodePayment()
    {
        var state = State;
        var today = limits.DayOf(clock.GetUtcNow());
        state.CodePayments = new CodePaymentCount(today, state.CodePayments?.Day == today ? state.CodePayments.Count + 1 : 1);
        await customer.WriteStateAsync();
    }
}

/// <summary>Code payments made on one bank day.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CodePaymentCount")]
public sealed record CodePaymentCount([property: Id(0)] DateOnly Day, [property: Id(1)] int Count);
