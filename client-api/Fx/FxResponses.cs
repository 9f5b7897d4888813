using Wallet.ClientApi.Movements;
using Wallet.Fx;
using Wallet.Movements;

namespace Wallet.ClientApi.Fx;

/// <summary>A currency pair's rates, each in major units of the quote currency for one major unit of the base currency.</summary>
/// <param name="Pair">The pair, <c>BASE-QUOTE</c> (<c>USD-CNY</c>).</param>
/// <param name="BaseCurrency">ISO 4217 code of the currency priced.</param>
/// <param name="QuoteCurrency">ISO 4217 code of the currency it is priced in.</param>
/// <param name="Mid">The market's mid rate, from the bank's rate feed.</param>
/// <param name="Buy">What the bank pays for one unit of the base currency (the rate a customer converting base into quote currency gets): the mid less the spread.</param>
/// <param name="Sell">What the bank asks for one unit of the base currency: the mid plus the spread.</param>
/// <param name="At">When the feed gave the mid, UTC, ISO 8601.</param>
public sealed record FxRateResponse(string Pair, string BaseCurrency, string QuoteCurrency, decimal Mid, decimal Buy, decimal Sell, DateTimeOffset At)
{
    public static FxRateResponse Of(FxRate r) => new(r.Pair.Key, r.Pair.From, r.Pair.To, r.Mid, r.Buy, r.Sell, r.At);
}

/// <summary>The bank's rates for every currency it offers, against its home currency.</summary>
/// <param name="HomeCurrency">The bank's home currency (CNY).</param>
/// <param name="Rates">One pair per offered currency, <c>XXX-CNY</c>.</param>
public sealed record FxRatesResponse(string HomeCurrency, IReadOnlyList<FxRateResponse> Rates);

/// <summary>A price the bank holds for the caller until <c>expiresAt</c>.</summary>
/// <param name="QuoteId">The quote (<c>fxq_…</c>), for <c>POST /v1/fx/conversions</c>.</param>
/// <param name="Amount">What is paid, an integer in minor units of <c>currency</c> (rounded up when the quote was for <c>toAmount</c>).</param>
/// <param name="Currency">ISO 4217 code of the currency paid.</param>
/// <param name="ToAmount">What is received, an integer in minor units of <c>toCurrency</c> (rounded down when the quote was for <c>amount</c>).</param>
/// <param name="ToCurrency">ISO 4217 code of the currency received.</param>
/// <param name="Rate">The rate converted at: major units of <c>toCurrency</c> for one of <c>currency</c> (the bank's buy rate of that moment).</param>
/// <param name="MidRate">The mid rate of that moment, for comparison.</param>
/// <param name="ExpiresAt">Until when a conversion may use it, UTC, ISO 8601 (30 seconds after it was made).</param>
/// <param name="QuotaDrawn">What it draws on the caller's annual quota for buying foreign currency, an integer in minor units of <c>quotaCurrency</c> (US cents; 0 when it does not buy foreign currency with CNY).</param>
/// <param name="QuotaCurrency">ISO 4217 code of <c>quotaDrawn</c>: USD.</param>
/// <param name="Used">Whether a conversion has used it.</param>
public sealed record QuoteResponse(string QuoteId, long Amount, string Currency, long ToAmount, string ToCurrency, decimal Rate, decimal MidRate,
    DateTimeOffset ExpiresAt, long QuotaDrawn, string QuotaCurrency, bool Used)
{
    public static QuoteResponse Of(FxQuote q)
        => new(q.QuoteId, q.FromAmount, q.Pair.From, q.ToAmount, q.Pair.To, q.Rate, q.Mid, q.ExpiresAt, q.QuotaUsd, FxQuotas.Currency, q.UsedBy is not null);
}

/// <summary>A conversion as the bank recorded it.</summary>
/// <param name="ConversionId">The conversion's id (<c>cv_…</c>), the same for every replay of its <c>Idempotency-Key</c>.</param>
/// <param name="Status">Where it stands: <c>completed</c> when both wallets moved.</param>
/// <param name="From">The wallet that paid (<c>walletId</c>).</param>
/// <param name="To">The wallet that received (<c>walletId</c>).</param>
/// <param name="Amount">What was paid, an integer in minor units of <c>currency</c>.</param>
/// <param name="Currency">ISO 4217 code of <c>amount</c>.</param>
/// <param name="ToAmount">What was received, an integer in minor units of <c>toCurrency</c>.</param>
/// <param name="ToCurrency">ISO 4217 code of <c>toAmount</c>.</param>
/// <param name="Rate">The quote's rate: major units of <c>toCurrency</c> for one of <c>currency</c>.</param>
/// <param name="QuoteId">The quote it used.</param>
/// <param name="CreatedAt">When the bank accepted it, UTC, ISO 8601.</param>
public sealed record ConversionResponse(string ConversionId, MovementStatus Status, Party From, Party To, long Amount, string Currency,
    long ToAmount, string ToCurrency, decimal Rate, string QuoteId, DateTimeOffset CreatedAt)
{
    public static ConversionResponse Of(ConversionReceipt r)
    {
        var (from, to) = Party.Of(r);
        return new(r.MovementId, r.Status, from, to, r.Amount, r.Currency, r.ToAmount, r.ToCurrency, r.Rate, r.QuoteId, r.CreatedAt);
    }
}

/// <summary>The caller's annual quota for buying foreign currency with CNY (the SAFE's USD 50,000 a person a year), this bank year.</summary>
/// <param name="Year">The bank year (Asia/Shanghai calendar).</param>
/// <param name="Quota">The year's quota, an integer in minor units of <c>currency</c> (US cents).</param>
/// <param name="Used">What conversions drew on it this year, US cents.</param>
/// <param name="Remaining">What is left, US cents.</param>
/// <param name="Currency">ISO 4217 code of the amounts: USD.</param>
public sealed record FxQuotaResponse(int Year, long Quota, long Used, long Remaining, string Currency)
{
    public static FxQuotaResponse Of(FxQuotaView v) => new(v.Year, v.Quota, v.Used, v.Remaining, FxQuotas.Currency);
}

/// <summary>A payment converted between the customer's wallet and a merchant in another currency, at the bank's buy rate of that moment.</summary>
/// <param name="Amount">What the customer's wallet paid, an integer in minor units of <c>currency</c> (the merchant's price converted, rounded up).</param>
/// <param name="Currency">ISO 4217 code of the wallet's currency.</param>
/// <param name="Rate">Major units of the merchant's currency for one of the wallet's.</param>
public sealed record ExchangeResponse(long Amount, string Currency, decimal Rate)
{
    public static ExchangeResponse? Of(Exchanged? e) => e is null ? null : new(e.WalletAmount, e.WalletCurrency, e.Rate);
}
