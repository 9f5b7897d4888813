using Wallet.Customers;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Customers;

/// <summary>Lockouts at exactly the configured count, and when they end, on the fake bank clock.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class CredentialLockoutTests(ClockedClusterFixture fixture)
{
    private const string WrongPin = "135790";
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task The_fifth_wrong_pin_in_a_row_locks_payments_until_midnight_in_Shanghai()
    {
        fixture.SetShanghaiTime(2026, 7, 1, 22, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.OpenWallet(await _bank.NewCustomer());

        for (var left = 4; left >= 1; left--)
        {
            var wrong = await Refusal(() => _bank.Transfer(alice, wallet, bob, 100, pin: WrongPin));
            Assert.Equal(RefusalCodes.InvalidPin, wrong.Code);
            Assert.Contains($"{left} more wrong", wrong.Message, StringComparison.Ordinal);
        }
        Assert.Equal(RefusalCodes.PinLocked, (await Refusal(() => _bank.Transfer(alice, wallet, bob, 100, pin: WrongPin))).Code);
        Assert.Equal(RefusalCodes.PinLocked, (await Refusal(() => _bank.Transfer(alice, wallet, bob, 100))).Code);
        fixture.SetShanghaiTime(2026, 7, 1, 23, 59, 59);
        Assert.Equal(RefusalCodes.PinLocked, (await Refusal(() => _bank.Transfer(alice, wallet, bob, 100))).Code);

        fixture.SetShanghaiTime(2026, 7, 2, 0, 0);
        Assert.Equal(MovementStatus.Completed, (await _bank.Transfer(alice, wallet, bob, 100)).Status);
        Assert.Equal(9_900, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task A_right_pin_starts_the_count_again_and_a_wrong_current_pin_when_changing_it_counts_too()
    {
        fixture.SetShanghaiTime(2026, 7, 3, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.OpenWallet(await _bank.NewCustomer());
        var customer = fixture.Grains.GetGrain<IPaymentCredentialsGrain>(alice.Id);

        for (var i = 0; i < 4; i++)
        {
            await Refusal(() => customer.VerifyPaymentPin(WrongPin));
        }
        await customer.VerifyPaymentPin(TestData.Pin);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(RefusalCodes.InvalidPin, (await Refusal(() => _bank.Transfer(alice, wallet, bob, 100, pin: WrongPin))).Code);
        }
        Assert.Equal(RefusalCodes.InvalidPin, (await Refusal(() => customer.SetPaymentPin("111111", WrongPin))).Code);
        Assert.Equal(RefusalCodes.PinLocked, (await Refusal(() => customer.SetPaymentPin("111111", WrongPin))).Code);
        Assert.Equal(RefusalCodes.PinLocked, (await Refusal(() => customer.SetPaymentPin("111111", TestData.Pin))).Code);
        Assert.Equal(10_000, await _bank.Balance(alice, wallet));
    }

    [Fact]
    public async Task The_fifth_wrong_password_locks_signing_in_for_the_configured_time()
    {
        fixture.SetShanghaiTime(2026, 7, 4, 10, 0);
        var alice = fixture.Grains.GetGrain<ICustomerAccessGrain>((await _bank.NewCustomer()).Id);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SignInOutcome.Refused, await alice.SignIn("not the password", null));
        }
        var locked = await alice.SignIn("not the password", null);
        Assert.Equal((null, fixture.Clock.GetUtcNow().AddMinutes(15)), (locked.Session, locked.LockedUntil));
        Assert.Null((await alice.SignIn(TestData.Password, null)).Session);

        fixture.Clock.Set(fixture.Clock.GetUtcNow().AddMinutes(15).AddSeconds(1));
        Assert.NotNull((await alice.SignIn(TestData.Password, null)).Session);
    }

    private static async Task<WalletRefusedException> Refusal(Func<Task> act) => await Assert.ThrowsAsync<WalletRefusedException>(act);
}
