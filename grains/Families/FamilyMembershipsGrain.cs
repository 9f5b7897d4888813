using Wallet.Hosting;

namespace Wallet.Families;

/// <summary>One customer's listing of their families and of the invitations waiting for them; the family grains keep it.</summary>
public sealed class FamilyMembershipsGrain(
    [PersistentState("family-memberships", StorageNames.Wallet)] IPersistentState<FamilyMembershipsState> listing,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IFamilyMembershipsGrain
{
    public Task Joined(string familyId) => Change(s => s.FamilyIds.Contains(familyId) ? false : Add(s.FamilyIds, familyId));

    public Task Left(string familyId) => Change(s => s.FamilyIds.Remove(familyId));

    public Task Invited(FamilyInvitation invitation) => Change(s => !s.Invitations.Exists(i => i.InvitationId == invitation.InvitationId) && Add(s.Invitations, invitation));

    public Task Closed(string invitationId) => Change(s => s.Invitations.RemoveAll(i => i.InvitationId == invitationId) > 0);

    /// <summary>Invitations past their time are left out, as the family would answer them: expired.</summary>
    public Task<FamilyMemberships> List()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(new FamilyMemberships([.. listing.State.FamilyIds],
            [.. listing.State.Invitations.Where(i => i.StatusAt(now) == InvitationStatus.Pending)]));
    }

    private async Task Change(Func<FamilyMembershipsState, bool> change)
    {
        if (change(listing.State))
        {
            await listing.WriteStateAsync();
        }
    }

    private static bool Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return true;
    }
}

[GenerateSerializer, Alias("Wallet.FamilyMembershipsState")]
public sealed class FamilyMembershipsState
{
    [Id(0)] public List<string> FamilyIds { get; set; } = [];
    [Id(1)] public List<FamilyInvitation> Invitations { get; set; } = [];
}
