using Wallet.Refusals;

namespace Wallet.Banking;

/// <summary>
/// Stands in where no card-issuing bank is integrated yet (simulators off): the cluster runs —
/// registration, sign-in, wallets, transfers — and every call that needs the bank says so with a
/// 503 <c>integration_unavailable</c> instead of the process refusing to start.
/// </summary>
public sealed class UnconfiguredCardIssuingBank : ICardIssuingBank
{
    public Task<BankCard> Enrol(string cardNumber, string holderName, string phone) => throw Unavailable();

    public Task<BankDecision> Charge(string bankToken, long amount, string currency, string reference) => throw Unavailable();

    public Task Refund(string bankToken, long amount, string currency, string reference) => throw Unavailable();

    public Task<BankDecision> ApprovePayout(string bankToken, long amount, string currency) => throw Unavailable();

    public Task Payout(string bankToken, long amount, string currency, string reference) => throw Unavailable();

    public Task<IssuedCard> IssueCreditCard(string holderName, string phone, long creditLimit, string currency, string reference) => throw Unavailable();

    private static WalletRefusedException Unavailable()
        => new(RefusalCodes.IntegrationUnavailable, "No card-issuing bank is configured: cards cannot be bound, charged, paid out to or issued yet.");
}
