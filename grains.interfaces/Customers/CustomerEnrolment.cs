namespace Wallet.Customers;

/// <summary>What the phone directory hands a new customer grain.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.CustomerEnrolment")]
public sealed record CustomerEnrolment(
    [property: Id(0)] string Phone,
    [property: Id(1)] string Password,
    [property: Id(2)] CustomerRole Role)
{
    public override string ToString() => $"CustomerEnrolment {{ Role = {Role} }}";
}

/// <summary>
/// A signed-in session: who, in which role, and the session's refresh token, which the API hands
/// out once and the grain keeps only as a hash. Access tokens name the session, so ending it ends them.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SignedIn")]
public sealed record SignedIn(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] CustomerRole Role,
    [property: Id(2)] string SessionId,
    [property: Id(3)] string RefreshToken,
    [property: Id(4)] DateTimeOffset RefreshExpiresAt)
{
    public override string ToString() => $"SignedIn {{ CustomerId = {CustomerId}, Role = {Role}, SessionId = {SessionId} }}";
}

/// <summary>
/// How signing in went: a session, or refused (wrong password), or locked until a time after too many wrong ones, or
/// (<see cref="ReportedLost"/>) the password was right but the account is reported lost or stolen and must be recovered first.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.SignInOutcome")]
public sealed record SignInOutcome([property: Id(0)] SignedIn? Session, [property: Id(1)] DateTimeOffset? LockedUntil = null, [property: Id(2)] bool ReportedLost = false)
{
    public static readonly SignInOutcome Refused = new(Session: null);
}

/// <summary>What a code sent by SMS to the customer's phone is for; a code serves only its own purpose.</summary>
public enum CodePurpose
{
    Password = 0,
    PaymentPin = 1,
    Unfreeze = 2,
}
