namespace Wallet.Fx;

/// <summary>
/// What a customer asks a quote for: a pair and the amount on one side — what they will pay
/// (<paramref name="FromAmount"/>) or what they want to receive (<paramref name="ToAmount"/>), in minor units.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.FxQuoteRequest")]
public sealed record FxQuoteRequest(
    [property: Id(0)] string CustomerId,
    [property: Id(1)] CurrencyPair Pair,
    [property: Id(2)] long? FromAmount,
    [property: Id(3)] long? ToAmount);

/// <summary>
/// A price the bank holds for one customer until <paramref name="ExpiresAt"/>: <paramref name="FromAmount"/> of the
/// pair's <c>From</c> buys <paramref name="ToAmount"/> of its <c>To</c> at <paramref name="Rate"/> (the bank's buy rate
/// of that moment; <paramref name="Mid"/> beside it). <paramref name="QuotaUsd"/>: what it draws on the customer's
/// annual quota for buying foreign currency, in US cents (0 when it buys the home currency or converts between two
/// foreign ones). Converting with it uses exactly these amounts, once.
/// </summary>
[GenerateSerializer, Immutable, Alias("Wallet.FxQuote")]
public sealed record FxQuote(
    [property: Id(0)] string QuoteId,
    [property: Id(1)] string CustomerId,
    [property: Id(2)] CurrencyPair Pair,
    [property: Id(3)] long FromAmount,
    [property: Id(4)] long ToAmount,
    [property: Id(5)] decimal Rate,
    [property: Id(6)] decimal Mid,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset ExpiresAt,
    [property: Id(9)] long QuotaUsd,
    [property: Id(10)] string? UsedBy = null)
{
    /// <summary>Why <paramref name="movementId"/> may not convert with this quote at <paramref name="now"/>: used by another, or expired; null when it may.</summary>
    public Refusals.WalletRefusedException? RefusesUseBy(string movementId, DateTimeOffset now)
        => UsedBy is not null && UsedBy != movementId
            ? new(Refusals.RefusalCodes.QuoteUsed, "This quote was used by another conversion; ask for a new one.")
            : UsedBy is null && now >= ExpiresAt ? new(Refusals.RefusalCodes.QuoteExpired, "This quote has expired; ask for a new one.")
            : null;
}

/// <summary>
/// One quote (<c>fxq_…</c>): made once at the rate of the moment, then used at most once, inside the transaction of
/// the movement that converts with it, so two conversions can never both use it.
/// </summary>
[Alias("Wallet.IFxQuoteGrain")]
public interface IFxQuoteGrain : IGrainWithStringKey
{
    /// <summary>Prices the request at the pair's current rate and keeps it for the quote's life; the same quote again if already made.</summary>
    [Alias("Make")]
    Task<FxQuote> Make(FxQuoteRequest request);

    /// <summary>The quote, for the customer it was made for; otherwise null.</summary>
    [Alias("Find"), Transaction(TransactionOption.Create)]
    Task<FxQuote?> Find(string customerId);

    /// <summary>
    /// Uses the quote for <paramref name="movementId"/> inside its transaction: refused when it belongs to another
    /// customer (not found), has expired (<c>quote_expired</c>) or was used by another movement (<c>quote_used</c>).
    /// </summary>
    [Alias("Use"), Transaction(TransactionOption.Join)]
    Task<FxQuote> Use(string customerId, string movementId);
}

/// <summary>
/// A customer's use of the annual quota for buying foreign currency in one bank year (Asia/Shanghai), in US cents:
/// keyed <c>cus_…/2026</c>. Drawn on inside the converting transaction, so two conversions at once never pass it together.
/// </summary>
[Alias("Wallet.IFxQuotaGrain")]
public interface IFxQuotaGrain : IGrainWithStringKey
{
    /// <summary>Draws <paramref name="usd"/> cents for <paramref name="movementId"/>, or refuses with <c>fx_quota_exceeded</c> and what is left.</summary>
    [Alias("Draw"), Transaction(TransactionOption.Join)]
    Task Draw(string movementId, long usd);

    /// <summary>The year's quota and what has been drawn on it.</summary>
    [Alias("View"), Transaction(TransactionOption.CreateOrJoin)]
    Task<FxQuotaView> View();
}

/// <summary>A bank year's quota for buying foreign currency: all of it, what conversions drew, what is left; US cents.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FxQuotaView")]
public sealed record FxQuotaView([property: Id(0)] int Year, [property: Id(1)] long Quota, [property: Id(2)] long Used)
{
    public long Remaining => Math.Max(0, Quota - Used);
}

/// <summary>The bank's home currency and every other offered currency's rates against it.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.FxBoard")]
public sealed record FxBoard([property: Id(0)] string HomeCurrency, [property: Id(1)] IReadOnlyList<FxRate> Rates);

/// <summary>
/// The bank's FX desk as the API asks it (one stateless worker per silo): the rates it offers, one pair's rates, and
/// a customer's quota this bank year.
/// </summary>
[Alias("Wallet.IFxDeskGrain")]
public interface IFxDeskGrain : IGrainWithIntegerKey
{
    /// <summary>Every offered currency against the home currency.</summary>
    [Alias("Rates")]
    Task<FxBoard> Rates();

    /// <summary>One pair's rates; <c>currency_not_supported</c> for a currency the bank does not offer.</summary>
    [Alias("Rate")]
    Task<FxRate> Rate(CurrencyPair pair);

    /// <summary>The customer's quota in the current bank year.</summary>
    [Alias("Quota")]
    Task<FxQuotaView> Quota(string customerId);
}

public static class FxQuotas
{
    /// <summary>The quota grain of a customer and bank year.</summary>
    public static string KeyOf(string customerId, int year) => $"{customerId}/{year}";

    /// <summary>The currency the quota is counted in.</summary>
    public const string Currency = "USD";

    /// <summary>The limit's name in a <c>fx_quota_exceeded</c> problem.</summary>
    public const string LimitName = "fx_annual_quota";
}
