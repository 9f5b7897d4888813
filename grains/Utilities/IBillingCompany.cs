namespace Wallet.Utilities;

/// <summary>
/// The billing companies, as the bank reaches them (through a utility-payment network in a real bank). The bank's
/// payment id is the company's idempotency key: asked twice to take the same payment, a company takes it once.
/// </summary>
public interface IBillingCompany
{
    /// <summary>What <paramref name="account"/> owes now, or null when nothing is billed (a prepaid account, a bill not yet issued).</summary>
    Task<UtilityBill?> CurrentBill(BillerProfile biller, string account, DateTimeOffset now);

    /// <summary>Offers the payment; the company may take it, refuse it, or not answer before <paramref name="cancellation"/> ends the wait.</summary>
    Task<BillerAnswer> Pay(BillerProfile biller, string account, long amount, string? billRef, string paymentId, DateTimeOffset now, CancellationToken cancellation);

    /// <summary>Asks what became of a payment offered at <paramref name="sentAt"/>.</summary>
    Task<BillerAnswer> Status(BillerProfile biller, string account, string paymentId, DateTimeOffset sentAt, DateTimeOffset now);
}

/// <summary>Where no billing network is integrated (simulators off): every call that needs one answers 503 <c>integration_unavailable</c>.</summary>
public sealed class UnconfiguredBillingCompany : IBillingCompany
{
    public Task<UtilityBill?> CurrentBill(BillerProfile biller, string account, DateTimeOffset now) => throw Unavailable();

    public Task<BillerAnswer> Pay(BillerProfile biller, string account, long amount, string? billRef, string paymentId, DateTimeOffset now, CancellationToken cancellation)
        => throw Unavailable();

    /// <summary>A payment can only be pending if it was offered, which needs the network: not asked, it has not answered.</summary>
    public Task<BillerAnswer> Status(BillerProfile biller, string account, string paymentId, DateTimeOffset sentAt, DateTimeOffset now)
        => Task.FromResult(BillerAnswer.Silent);

    private static Refusals.WalletRefusedException Unavailable()
        => new(Refusals.RefusalCodes.IntegrationUnavailable, "No billing network is configured: bills cannot be looked up or paid yet.");
}
