using Wallet.Customers;
using Wallet.Families;
using Wallet.Identity;
using Wallet.Movements;
using Wallet.Tests.Infrastructure;

namespace Wallet.Tests.Families;

/// <summary>A family set up as its owner would: created, a member invited and joined, a sub-wallet opened and topped up.</summary>
public sealed class FamilyScenario(IGrainFactory grains, Scenario bank)
{
    public async Task<(TestCustomer Owner, string OwnerWallet, string FamilyId)> NewFamily(long ownerFunds = 1_000_000)
    {
        var (owner, wallet) = await bank.FundedCustomer(ownerFunds, CustomerTiers.RealName);
        var familyId = Ids.New(IdPrefixes.Family);
        await Family(familyId).Create(owner.Id, "The Wangs", new IdempotentRequest(familyId, "create"));
        return (owner, wallet, familyId);
    }

    /// <summary>A new real-name customer invited in <paramref name="role"/> and joined.</summary>
    public async Task<TestCustomer> Join(string familyId, TestCustomer inviter, FamilyRole role = FamilyRole.Member)
    {
        var member = await bank.NewCustomer(CustomerTiers.RealName);
        var invitation = await Family(familyId).Invite(inviter.Id, member.Id, member.Phone, role);
        await Family(familyId).Answer(member.Id, invitation.InvitationId, accept: true);
        return member;
    }

    public async Task<SubWalletView> OpenSubWallet(string familyId, TestCustomer steward, TestCustomer member, SubWalletRules? rules = null)
    {
        var id = Ids.New(IdPrefixes.SubWallet);
        return (await SubWallet(id).Open(new SubWalletOpening(familyId, steward.Id, member.Id, "CNY", rules ?? new SubWalletRules(), new IdempotentRequest(id, "open")))).Value;
    }

    public Task<FamilyTopUpReceipt> TopUp(TestCustomer steward, string fromWalletId, string subWalletId, long amount, string? key = null)
        => grains.GetGrain<IFamilyTopUpGrain>(MovementIds.For(Workflow.FamilyTopUp, steward.Id, key ?? Guid.NewGuid().ToString()))
            .TopUp(new FamilyTopUpOrder(steward.Id, $"top-up {subWalletId} {amount}", subWalletId, fromWalletId, amount, PaymentAuthorisation.WithPin(TestData.Pin)));

    public Task<FamilyTakeBackReceipt> TakeBack(TestCustomer steward, string subWalletId, string toWalletId, string? key = null)
        => grains.GetGrain<IFamilyTakeBackGrain>(MovementIds.For(Workflow.FamilyTakeBack, steward.Id, key ?? Guid.NewGuid().ToString()))
            .TakeBack(new FamilyTakeBackOrder(steward.Id, $"take back {subWalletId}", subWalletId, toWalletId));

    /// <summary>A merchant of the MCC given and a static QR code of theirs.</summary>
    public async Task<(string MerchantId, string QrCodeId)> Merchant(string mcc = "5411")
    {
        var (merchant, onboarded) = await bank.NewMerchant("Corner Shop", mcc);
        return (onboarded.MerchantId, (await merchant.IssueQrCode(null, "CNY", null, null)).Code.QrCodeId);
    }

    /// <summary>The member pays a merchant's QR code from the wallet (a sub-wallet's, here) with their own PIN.</summary>
    public Task<PaymentReceipt> Pay(TestCustomer payer, string walletId, (string MerchantId, string QrCodeId) merchant, long amount, string? key = null)
        => grains.GetGrain<IQrPaymentGrain>(MovementIds.For(Workflow.QrPayment, payer.Id, key ?? Guid.NewGuid().ToString()))
            .Pay(new PaymentOrder(payer.Id, $"pay {merchant.MerchantId} {amount}", walletId, merchant.MerchantId, merchant.QrCodeId, amount, "CNY", PaymentAuthorisation.WithPin(TestData.Pin)));

    public IFamilyGrain Family(string familyId) => grains.GetGrain<IFamilyGrain>(familyId);

    public ISubWalletGrain SubWallet(string subWalletId) => grains.GetGrain<ISubWalletGrain>(subWalletId);
}
