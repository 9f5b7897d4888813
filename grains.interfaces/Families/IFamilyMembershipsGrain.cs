namespace Wallet.Families;

/// <summary>
/// One customer's families and the invitations waiting for their answer (keyed by customer id): an index the family
/// grains keep, so a customer can list what they belong to. Each family grain holds the truth; this is its listing.
/// </summary>
[Alias("Wallet.IFamilyMembershipsGrain")]
public interface IFamilyMembershipsGrain : IGrainWithStringKey
{
    [Alias("Joined")]
    Task Joined(string familyId);

    [Alias("Left")]
    Task Left(string familyId);

    [Alias("Invited")]
    Task Invited(FamilyInvitation invitation);

    /// <summary>The invitation was answered, withdrawn or found expired: no longer waiting.</summary>
    [Alias("Closed")]
    Task Closed(string invitationId);

    [Alias("List")]
    Task<FamilyMemberships> List();
}

/// <summary>The families a customer belongs to, and the invitations sent to them that wait for an answer.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FamilyMemberships")]
public sealed record FamilyMemberships(
    [property: Id(0)] IReadOnlyList<string> FamilyIds,
    [property: Id(1)] IReadOnlyList<FamilyInvitation> Invitations);
