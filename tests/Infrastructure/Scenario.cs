using System.Text.RegularExpressions;
using Wallet.Cards;
using Wallet.Customers;
using Wallet.Identity;
using Wallet.Ledger;
using Wallet.Merchants;
using Wallet.Movements;
using Wallet.Simulators;
using Wallet.Wallets;

namespace Wallet.Tests.Infrastructure;

public sealed record TestCustomer(string Id, string Phone);

/// <summary>The bank's steps as grain calls: what a test needs to set a customer up and move money.</summary>
public sealed partial class Scenario(IGrainFactory grains)
{
    public IGrainFactory Grains => grains;

    /// <summary>A customer with a payment PIN, at the tier asked for: 4 as registered, 3 real-name verified, 1 also verified in person.</summary>
    public async Task<TestCustomer> NewCustomer(int tier = CustomerTiers.Lowest)
    {
        var phone = TestData.Phone();
        var registered = (await grains.GetGrain<IPhoneDirectoryGrain>(phone)
            .Register(new Registration(TestData.Password, CustomerRole.Customer, new IdempotentRequest(Guid.NewGuid().ToString(), "register")))).Value;
        var customer = grains.GetGrain<ICustomerGrain>(registered.CustomerId);
        await grains.GetGrain<IPaymentCredentialsGrain>(registered.CustomerId).SetPaymentPin(TestData.Pin, null);
        if (tier <= CustomerTiers.RealName)
        {
            await customer.VerifyRealName("韩梅梅", TestData.IdNumber());
        }
        if (tier == CustomerTiers.InPerson)
        {
            await customer.ChangeTier(CustomerTiers.InPerson, "verified in person");
        }
        return new TestCustomer(registered.CustomerId, phone);
    }

    /// <summary>A merchant onboarded as an operator would, with its settlement wallet.</summary>
    public async Task<(IMerchantGrain Merchant, MerchantOnboarded Onboarded)> NewMerchant(string name = "Corner Shop", string category = "5411", string city = "Shanghai",
        string? currency = null)
    {
        var merchant = grains.GetGrain<IMerchantGrain>(Ids.New("mch"));
        return (merchant, (await merchant.Onboard(new MerchantApplication(name, category, city, Currency: currency), new IdempotentRequest("onboard", "test"))).Value);
    }

    public async Task<string> OpenWallet(TestCustomer customer, string currency = "CNY")
        => (await grains.GetGrain<ICustomerGrain>(customer.Id).OpenWallet(currency, new IdempotentRequest(Guid.NewGuid().ToString(), "open"))).Value.WalletId;

    /// <summary>
    /// Binds and verifies a card in the customer's verified name (the only one a verified customer may bind);
    /// for a verified customer a credit card unless another is given, so the helper itself does not lift tier 3 to 2.
    /// </summary>
    public async Task<string> BindVerifiedCard(TestCustomer customer, string? cardNumber = null)
    {
        var customerGrain = grains.GetGrain<ICustomerGrain>(customer.Id);
        var realName = (await customerGrain.GetProfile()).RealName;
        cardNumber ??= realName is null ? TestData.Card() : TestData.CardEndingIn("0005");
        var card = (await customerGrain
            .BindCard(new CardApplication(cardNumber, realName ?? "Han Meimei", customer.Phone), new IdempotentRequest(Guid.NewGuid().ToString(), "bind"))).Value;
        var code = LatestCode(await grains.GetGrain<ISmsOutboxGrain>(customer.Phone).List());
        await grains.GetGrain<ICardBindingGrain>(card.CardId).Verify(customer.Id, code);
        return card.CardId;
    }

    /// <summary>A new customer with one wallet topped up from a bound card.</summary>
    public async Task<(TestCustomer Customer, string Wallet)> FundedCustomer(long amount, int tier = CustomerTiers.Lowest)
    {
        var customer = await NewCustomer(tier);
        var wallet = await OpenWallet(customer);
        var receipt = await TopUp(customer, wallet, await BindVerifiedCard(customer), amount);
        Assert.Equal(MovementStatus.Completed, receipt.Status);
        return (customer, wallet);
    }

    public Task<TopUpReceipt> TopUp(TestCustomer customer, string walletId, string cardId, long amount, string? key = null)
        => Movement<ITopUpGrain>(Workflow.TopUp, customer, key).TopUp(new TopUpOrder(customer.Id, $"top-up {walletId} {cardId} {amount}", walletId, cardId, amount, "CNY"));

    public Task<TransferReceipt> Transfer(TestCustomer customer, string from, string to, long amount, string? key = null, string pin = TestData.Pin, string? memo = null)
        => Movement<ITransferGrain>(Workflow.Transfer, customer, key).Transfer(new TransferOrder(customer.Id, $"transfer {from} {to} {amount}", from, to, null, amount, "CNY", memo, PaymentAuthorisation.WithPin(pin)));

    /// <summary>
    /// Asks, and asks again (the same request, so the same idempotency key) while the answer is "in doubt" or did
    /// not come in time, as the API tells clients to: after the second its 503 names in Retry-After. Many transactions
    /// at once on a 2-core machine busy with the rest of the suite can take longer than a movement waits before it says
    /// so, or than a 30 s response timeout; a thousand claimants replaying at once, without the wait, kept a red packet's
    /// queue of transactions as long as it was (CI met a claim in doubt five times over).
    /// </summary>
    public static async Task<T> AsAClientWould<T>(Func<Task<T>> ask)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ask();
            }
            catch (Exception unknown) when (unknown is Wallet.Refusals.WalletRefusedException { Code: Wallet.Refusals.RefusalCodes.MovementInDoubt } or TimeoutException && attempt < 8)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    public Task<WithdrawalReceipt> Withdraw(TestCustomer customer, string walletId, string cardId, long amount, string? key = null)
        => Movement<IWithdrawalGrain>(Workflow.Withdrawal, customer, key).Withdraw(new WithdrawalOrder(customer.Id, $"withdraw {walletId} {cardId} {amount}", walletId, cardId, amount, "CNY", PaymentAuthorisation.WithPin(TestData.Pin)));

    public async Task<long> Balance(TestCustomer customer, string walletId)
        => (await grains.GetGrain<IWalletGrain>(walletId).GetView(customer.Id)).Balance;

    /// <summary>Every entry a search finds, following its cursor page after page, as the owner reads them.</summary>
    public async Task<List<WalletEntry>> Search(TestCustomer owner, string walletId, EntryQuery query)
    {
        var all = new List<WalletEntry>();
        long? before = null;
        do
        {
            var page = await grains.GetGrain<IWalletStatementGrain>(walletId).GetEntries(owner.Id, query with { BeforeSequence = before });
            all.AddRange(page.Items);
            before = page.NextBeforeSequence;
        }
        while (before is not null);
        return all;
    }

    public async Task<IReadOnlyList<WalletEntry>> Entries(TestCustomer customer, string walletId)
        => (await grains.GetGrain<IWalletStatementGrain>(walletId).GetEntries(customer.Id, new EntryQuery(int.MaxValue - 1, null, null, null, null))).Items;

    public Task<LedgerCheck> Ledger() => grains.GetGrain<ILedgerAuditorGrain>(0).Check();

    /// <summary>Money is never created or destroyed: every wallet and clearing account sums to zero.</summary>
    public async Task AssertBooksBalance()
    {
        var books = await Ledger();
        Assert.True(books.Balanced, $"the books must sum to zero, total {books.Total}");
        Assert.Equal(0, books.NegativeWallets);
    }

    /// <summary>The test's own books: see <see cref="Books.AssertBalanced(IGrainFactory, string[])"/>.</summary>
    public Task AssertBalanced(params string[] walletIds) => Books.AssertBalanced(grains, walletIds);

    public static string LatestCode(IReadOnlyList<SmsMessage> messages)
        => SixDigits().Match(messages[^1].Text).Value;

    private TGrain Movement<TGrain>(Workflow workflow, TestCustomer customer, string? key) where TGrain : IMovementGrain
        => grains.GetGrain<TGrain>(MovementIds.For(workflow, customer.Id, key ?? Guid.NewGuid().ToString()));

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
