using Wallet.Customers;
using Wallet.Families;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Wallets;

namespace Wallet.Bench.Targets;

/// <summary>
/// Issue 22's figure for sub-wallets: what a member's payment from a sub-wallet costs beside a transfer. The bank's
/// customers are paired into families (the even one keeps it, the odd one is a member with a sub-wallet under a daily
/// limit and groceries only, topped up from the keeper's wallet); each operation is a random member paying one of ten
/// grocers' static QR codes with their PIN — the payment's transaction with the sub-wallet's guard in it, and its notice
/// to the family a moment later. The books add the sub-wallets and the grocers' settlement wallets to the bank's own.
/// </summary>
public sealed class SubWalletPayments(GrainBank bank) : IBenchTarget
{
    private const long Allowance = 500_000; // ¥5,000.00 each: nobody runs dry during a run
    private const int Grocers = 10;
    private (string Member, string SubWallet)[] _members = [];
    private (string MerchantId, string QrCodeId, string SettlementWallet)[] _grocers = [];

    public string Name => $"{bank.Name} sub-wallet payments";

    public IReadOnlyList<int> Helpers => bank.Helpers;

    public async Task Prepare(int wallets, long opening, Action<string> progress)
    {
        // The bank's customers each own several of its wallets: pairs are made of customers, each with their first wallet.
        var customers = Enumerable.Range(0, wallets).Select(w => (Index: w, Account: bank.Account(w))).DistinctBy(a => a.Account.Owner).ToList();
        _members = new (string, string)[customers.Count / 2];
        await Parallel.ForEachAsync(Enumerable.Range(0, _members.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (pair, _) =>
        {
            var (keeperWallet, keeper) = customers[2 * pair].Account;
            var (memberIndex, (_, member)) = customers[2 * pair + 1];
            var family = bank.Grains.GetGrain<IFamilyGrain>(Ids.ForIdempotencyKey(IdPrefixes.Family, keeper, "bench"));
            await family.Create(keeper, "Bench family", new IdempotentRequest("bench", "family"));
            if (await family.RoleOf(member) is null)
            {
                var invitation = await family.Invite(keeper, member, await Phone(member), FamilyRole.Member);
                await family.Answer(member, invitation.InvitationId, accept: true);
            }
            var subWalletId = Ids.ForIdempotencyKey(IdPrefixes.SubWallet, keeper, "bench");
            var rules = new SubWalletRules { DailyLimit = Allowance, AllowedCategories = [Bills.SpendingCategory.Groceries] };
            var subWallet = (await bank.Grains.GetGrain<ISubWalletGrain>(subWalletId).Open(new SubWalletOpening(family.GetPrimaryKeyString(), keeper, member, "CNY", rules,
                new IdempotentRequest("bench", "sub-wallet")))).Value;
            var topUp = await bank.Grains.GetGrain<IFamilyTopUpGrain>(MovementIds.For(Workflow.FamilyTopUp, keeper, "bench"))
                .TopUp(new FamilyTopUpOrder(keeper, "bench allowance", subWalletId, keeperWallet, Allowance, PaymentAuthorisation.WithPin(BenchCustomers.Pin)));
            if (topUp.Status != MovementStatus.Completed)
            {
                throw new InvalidOperationException($"topping up sub-wallet {pair} was refused: {topUp.Refusal?.Code}");
            }
            _members[pair] = (member, subWallet.WalletId);
        });
        _grocers = new (string, string, string)[Grocers];
        for (var g = 0; g < Grocers; g++)
        {
            var merchant = bank.Grains.GetGrain<Merchants.IMerchantGrain>(Ids.ForIdempotencyKey(IdPrefixes.Merchant, "bench", $"grocer {g}"));
            var onboarded = (await merchant.Onboard(new Merchants.MerchantApplication($"Grocer {g}", "5411", "Shanghai"), new IdempotentRequest("bench", "onboard"))).Value;
            _grocers[g] = (onboarded.MerchantId, (await merchant.IssueQrCode(null, "CNY", null, null)).Code.QrCodeId, onboarded.SettlementWalletId);
        }
        progress($"{_members.Length:N0} sub-wallets of ¥{Allowance / 100:N0} each, {Grocers} grocers");
    }

    /// <summary>Member <paramref name="from"/> (of the pairs) pays grocer <paramref name="to"/> (of ten) <paramref name="amount"/> fen from their sub-wallet.</summary>
    public async Task Transfer(int from, int to, long amount)
    {
        var (member, subWallet) = _members[from % _members.Length];
        var grocer = _grocers[to % Grocers];
        var receipt = await BenchFailure.Counted(() => bank.Grains.GetGrain<IQrPaymentGrain>(MovementIds.For(Workflow.QrPayment, member, Guid.NewGuid().ToString()))
            .Pay(new PaymentOrder(member, $"bench groceries {from} {amount}", subWallet, grocer.MerchantId, grocer.QrCodeId, amount, "CNY",
                PaymentAuthorisation.WithPin(BenchCustomers.Pin))));
        if (receipt.Status != MovementStatus.Completed)
        {
            throw new BenchFailure(receipt.Refusal?.Code ?? "refused");
        }
    }

    public Task Read(int wallet) => bank.Read(wallet);

    /// <summary>A family invites by phone; the bench's customers were registered by phone, which their profile keeps.</summary>
    private async Task<string> Phone(string customerId) => (await bank.Grains.GetGrain<ICustomerGrain>(customerId).GetProfile()).Phone;

    /// <summary>The bank's wallets, the sub-wallets and the grocers' settlement wallets sum to what was opened.</summary>
    public async Task<Books> Audit()
    {
        var books = await bank.Audit();
        var subWallets = (await Task.WhenAll(_members.Select(m => bank.Grains.GetGrain<IWalletGrain>(m.SubWallet).ReadBalance()))).Sum();
        var grocers = (await Task.WhenAll(_grocers.Select(g => bank.Grains.GetGrain<IWalletGrain>(g.SettlementWallet).ReadBalance()))).Sum();
        return books with { Total = books.Total + subWallets + grocers };
    }

    public Task<bool>? CheckLedgerUnderLoad() => bank.CheckLedgerUnderLoad();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask; // the bank is disposed by its own owner
}
