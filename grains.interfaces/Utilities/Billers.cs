using Wallet.Refusals;

namespace Wallet.Utilities;

/// <summary>What a biller bills for (生活缴费): the kinds a customer's app groups its payees by.</summary>
public enum BillerKind
{
    Water = 0,
    Electricity = 1,
    Gas = 2,
    Mobile = 3,
    Broadband = 4,
    Property = 5,
}

/// <summary>
/// How a biller is paid: <c>postpaid</c> (a bill each period with a due date, paid in full), <c>prepaid</c> (any
/// amount between its minimum and maximum, as a prepaid meter takes), <c>denominations</c> (a phone top-up of one
/// of fixed amounts).
/// </summary>
public enum BillingMode
{
    Postpaid = 0,
    Prepaid = 1,
    Denominations = 2,
}

/// <summary>
/// How a biller's account numbers (户号) look: a length, digits only or letters and digits, an optional prefix,
/// and optionally a Luhn check digit at the end (as several grid companies print). No pattern language: an
/// operator's rule can never be made to run long.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.AccountNumberRule")]
public sealed record AccountNumberRule(
    [property: Id(0)] int MinLength,
    [property: Id(1)] int MaxLength,
    [property: Id(2)] bool DigitsOnly,
    [property: Id(3)] bool LuhnCheckDigit = false,
    [property: Id(4)] string? Prefix = null)
{
    /// <summary>Whether the rule itself makes sense (an operator writes it).</summary>
    public bool IsSound => MinLength is >= 4 and <= 32 && MaxLength >= MinLength && MaxLength <= 32
        && (Prefix is null || (Prefix.Length is > 0 and <= 8 && Prefix.All(char.IsAsciiLetterOrDigit) && Prefix.Length < MaxLength));

    /// <summary>Why <paramref name="account"/> is not one of this biller's account numbers, or null when it is.</summary>
    public Refusal? Check(string? account)
    {
        if (account is null || account.Length < MinLength || account.Length > MaxLength)
        {
            return Refuse(MinLength == MaxLength ? $"{MinLength} characters" : $"{MinLength} to {MaxLength} characters");
        }
        if (!account.All(c => DigitsOnly ? char.IsAsciiDigit(c) : char.IsAsciiLetterOrDigit(c)))
        {
            return Refuse(DigitsOnly ? "digits only" : "letters and digits only");
        }
        if (Prefix is not null && !account.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return Refuse($"starting with {Prefix}");
        }
        return LuhnCheckDigit && !Identity.Luhn.IsValid(account) ? Refuse("ending in its check digit (the number on the bill has a mistake)") : null;
    }

    private static Refusal Refuse(string how) => new(RefusalCodes.InvalidAccountNumber, $"This biller's account numbers are {how}.");
}

/// <summary>
/// A biller as the bank knows it: a utility company in a city, how it is paid, how its account numbers look, and
/// how long it may take to confirm a payment before the bank gives the customer their money back.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.BillerProfile")]
public sealed record BillerProfile(
    [property: Id(0)] string BillerId,
    [property: Id(1)] string Name,
    [property: Id(2)] string? NameLatin,
    [property: Id(3)] BillerKind Kind,
    [property: Id(4)] string City,
    [property: Id(5)] BillingMode Mode,
    [property: Id(6)] AccountNumberRule AccountRule,
    [property: Id(7)] IReadOnlyList<long> Denominations,
    [property: Id(8)] long MinAmount,
    [property: Id(9)] long MaxAmount,
    [property: Id(10)] string Currency,
    [property: Id(11)] TimeSpan ConfirmWithin,
    [property: Id(12)] bool Paused = false)
{
    /// <summary>Why <paramref name="amount"/> cannot be paid to this biller outside a bill, or null when it can.</summary>
    public Refusal? CheckAmount(long amount) => Mode switch
    {
        BillingMode.Denominations when !Denominations.Contains(amount)
            => new(RefusalCodes.AmountNotOffered, $"This biller takes top-ups of {string.Join(", ", Denominations.Select(d => Money.Amounts.Format(d, Currency)))} only."),
        BillingMode.Prepaid when amount < MinAmount || amount > MaxAmount
            => new(RefusalCodes.AmountNotOffered, $"This biller takes {Money.Amounts.Format(MinAmount, Currency)} to {Money.Amounts.Format(MaxAmount, Currency)} at a time."),
        _ => null,
    };
}

/// <summary>A biller: its profile, which operators write and everyone reads.</summary>
[Alias("Wallet.IBillerGrain")]
public interface IBillerGrain : IGrainWithStringKey
{
    /// <summary>Adds the biller, or changes it (a profile with the same id replaces the old one; its payees keep their account numbers).</summary>
    [Alias("Publish")]
    Task<BillerProfile> Publish(BillerProfile profile);

    /// <summary>The biller, or null when there is none by this id.</summary>
    [Alias("GetProfile"), AlwaysInterleave]
    Task<BillerProfile?> GetProfile();
}

/// <summary>Every biller the bank has, for customers to choose from and operators to manage (one grain, key 0).</summary>
[Alias("Wallet.IBillerDirectoryGrain")]
public interface IBillerDirectoryGrain : IGrainWithIntegerKey
{
    [Alias("Note")]
    Task Note(BillerProfile profile);

    /// <summary>The billers, by city then name; <paramref name="city"/> and <paramref name="kind"/> narrow it, ignoring case.</summary>
    [Alias("List"), AlwaysInterleave]
    Task<IReadOnlyList<BillerProfile>> List(string? city, BillerKind? kind);
}
