using Wallet.Customers;
using Wallet.Identity;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 24's figure for payment codes: what paying a shop with the code the phone shows costs beside a transfer, now that
/// issuing a code also writes it on the payer's list (so a report of a lost phone can void it). Each operation is a random
/// customer's phone issuing a code for one of their wallets and one of ten shops charging it a few fen: the code's issue,
/// the payer's list, and the charge's transaction. From a customer's eleventh code payment of the day the charge waits for
/// the PIN, as the bank's rule says, and the bench confirms it as the customer would: one operation, three calls. The books
/// add the shops' settlement wallets to the bank's own.
/// </summary>
public sealed class CodePayments(GrainBank bank) : IBenchTarget
{
    private const int Shops = 10;
    private (string MerchantId, string SettlementWallet)[] _shops = [];

    public string Name => $"{bank.Name} payment-code payments";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        _shops = new (string, string)[Shops];
        for (var s = 0; s < Shops; s++)
        {
            var merchant = bank.Grains.GetGrain<IMerchantGrain>(Ids.ForIdempotencyKey(IdPrefixes.Merchant, "bench", $"code shop {s}"));
            var onboarded = (await merchant.Onboard(new MerchantApplication($"Code shop {s}", "5411", "Shanghai"), new IdempotentRequest("bench", "onboard"))).Value;
            _shops[s] = (onboarded.MerchantId, onboarded.SettlementWalletId);
        }
        progress($"{Shops} shops charging payment codes");
    }

    /// <summary>The owner of wallet <paramref name="from"/> shows a code for it; shop <paramref name="to"/> (of ten) charges <paramref name="amount"/> fen.</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (wallet, owner) = bank.Account(from);
        var shop = _shops[to % Shops];
        var receipt = await BenchFailure.Counted(async () =>
        {
            var code = await bank.Grains.GetGrain<IPayerGrain>(owner).IssuePaymentCode(wallet);
            var orderId = Guid.NewGuid().ToString(); // the shop's own order number, as its till sends it
            var charge = bank.Grains.GetGrain<IChargeGrain>(MovementIds.For(Workflow.Charge, shop.MerchantId, orderId));
            var charged = await charge.Charge(new ChargeOrder(shop.MerchantId, $"bench code {from} {amount}", code.Code, amount, "CNY", orderId));
            return charged.Status == MovementStatus.PendingConfirmation
                ? await charge.Confirm(owner, PaymentAuthorisation.WithPin(BenchCustomers.Pin))
                : charged;
        });
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(receipt.Refusal?.Code ?? "refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>The bank's wallets and the shops' settlement wallets sum to what was opened.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        var shops = (await Task.WhenAll(_shops.Select(s => bank.Grains.GetGrain<IWalletGrain>(s.SettlementWallet).ReadBalance()))).Sum();
        return books with { Total = books.Total + shops };
    }

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner
}
