using System.Security.Cryptography;
using Wallet.Customers;
using Wallet.Devices;
using Wallet.Movements;
using Wallet.Refusals;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Customers;

/// <summary>Paying by device signature: single-use challenges that expire after two minutes, and only the customer's own keys count.</summary>
[Collection(ClockedClusterCollection.Name)]
public sealed class DeviceSignatureTests(ClockedClusterFixture fixture)
{
    private readonly Scenario _bank = fixture.Scenario;

    [Fact]
    public async Task A_signed_challenge_pays_once_and_is_refused_if_replayed_late_or_signed_by_another_key()
    {
        fixture.SetShanghaiTime(2026, 8, 1, 10, 0);
        var (alice, wallet) = await _bank.FundedCustomer(10_000);
        var bob = await _bank.OpenWallet(await _bank.NewCustomer());
        var customer = fixture.Grains.GetGrain<IPaymentCredentialsGrain>(alice.Id);
        using var phone = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var stranger = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await customer.RegisterDevice(Convert.ToBase64String(phone.ExportSubjectPublicKeyInfo()));

        var challenge = await customer.IssueChallenge();
        Assert.Equal(MovementStatus.Completed, (await Pay(alice, wallet, bob, phone, challenge, "first")).Status);
        Assert.Equal(RefusalCodes.InvalidChallenge, (await Refused(alice, wallet, bob, phone, challenge, "first-again")).Code); // the same challenge again

        var other = await customer.IssueChallenge();
        Assert.Equal(RefusalCodes.InvalidDeviceSignature, (await Refused(alice, wallet, bob, stranger, other, "stranger")).Code);
        Assert.Equal(RefusalCodes.InvalidChallenge, (await Refused(alice, wallet, bob, phone, other, "after-stranger")).Code); // a failed attempt spends the challenge too

        var late = await customer.IssueChallenge();
        fixture.Clock.Set(late.ExpiresAt);
        Assert.Equal(MovementStatus.Completed, (await Pay(alice, wallet, bob, phone, late, "late")).Status);
        var tooLate = await customer.IssueChallenge();
        fixture.Clock.Set(tooLate.ExpiresAt.AddSeconds(1));
        Assert.Equal(RefusalCodes.ChallengeExpired, (await Refused(alice, wallet, bob, phone, tooLate, "too-late")).Code);

        Assert.Equal(10_000 - 200, await _bank.Balance(alice, wallet));
        await _bank.AssertBalanced(wallet, bob);
    }

    [Fact]
    public async Task Only_p256_keys_register_and_challenges_need_a_registered_device()
    {
        fixture.SetShanghaiTime(2026, 8, 2, 10, 0);
        var customer = fixture.Grains.GetGrain<IPaymentCredentialsGrain>((await _bank.NewCustomer()).Id);
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        using var rsa = RSA.Create(2048);

        Assert.Equal(RefusalCodes.NoDevice, (await Assert.ThrowsAsync<WalletRefusedException>(() => customer.IssueChallenge())).Code);
        foreach (var key in new[] { Convert.ToBase64String(p384.ExportSubjectPublicKeyInfo()), Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()), "bm90IGEga2V5" })
        {
            Assert.Equal(RefusalCodes.ValidationFailed, (await Assert.ThrowsAsync<WalletRefusedException>(() => customer.RegisterDevice(key))).Code);
        }
        Assert.Empty(await customer.ListDevices());
    }

    /// <summary>A transfer of 100 fen under <paramref name="key"/>, signed by <paramref name="device"/> for exactly that transfer.</summary>
    private Task<TransferReceipt> Pay(TestCustomer payer, string from, string to, ECDsa device, DeviceChallenge challenge, string key)
    {
        var signature = DeviceSigning.Sign(device, challenge.Nonce, "transfer", 100, "CNY", to, key);
        return fixture.Grains.GetGrain<ITransferGrain>(MovementIds.For(Workflow.Transfer, payer.Id, key))
            .Transfer(new TransferOrder(payer.Id, $"device {key}", from, to, null, 100, "CNY", null, PaymentAuthorisation.WithDevice(challenge.ChallengeId, signature, key)));
    }

    private async Task<WalletRefusedException> Refused(TestCustomer payer, string from, string to, ECDsa device, DeviceChallenge challenge, string key)
        => await Assert.ThrowsAsync<WalletRefusedException>(() => Pay(payer, from, to, device, challenge, key));
}
