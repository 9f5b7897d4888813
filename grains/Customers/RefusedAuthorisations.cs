using System.Security.Cryptography;
using System.Text;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>A payment request refused by its PIN or device signature (its name hashed: it holds the PIN), and the answer it got.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RefusedAuthorisation")]
public sealed record RefusedAuthorisation([property: Id(0)] string Request, [property: Id(1)] string Code, [property: Id(2)] string Detail,
    [property: Id(3)] int? RemainingAttempts = null, [property: Id(4)] DateTimeOffset? LockedUntil = null);

/// <summary>
/// Remembers the answer to the latest payment requests refused by their PIN or device signature, in the
/// customer's state and in the same write that counts the wrong PIN. A client's honest retry of the same
/// request (same movement, same body) gets that first answer again and spends no try: counted again, three
/// retries of one mistyped PIN said "4 more", "3 more", "2 more" and tripped the repeated-PIN risk rule. Checked
/// before the PIN, because a movement checks the PIN before it reads its own record (one transaction fewer).
/// </summary>
public static class RefusedAuthorisations
{
    /// <summary>More than the wrong PINs that lock payments, so any retry of a request that counted is recognised.</summary>
    private const int Kept = 16;

    public static WalletRefusedException? Find(List<RefusedAuthorisation> kept, string? request)
    {
        if (request is null)
        {
            return null;
        }
        var key = Key(request);
        return kept.Find(r => r.Request == key) is { } earlier ? new WalletRefusedException(earlier.Code, earlier.Detail)
            {
                RemainingAttempts = earlier.RemainingAttempts,
                LockedUntil = earlier.LockedUntil,
            } : null;
    }

    public static void Remember(List<RefusedAuthorisation> kept, string request, WalletRefusedException refused)
    {
        kept.Add(new RefusedAuthorisation(Key(request), refused.Code, refused.Message, refused.RemainingAttempts, refused.LockedUntil));
        if (kept.Count > Kept)
        {
            kept.RemoveAt(0);
        }
    }

    private static string Key(string request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));
}
