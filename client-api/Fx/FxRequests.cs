using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Movements;

namespace Wallet.ClientApi.Fx;

/// <summary>A price for converting between two currencies, for the amount on one side.</summary>
/// <param name="Currency">ISO 4217 code of the currency the customer pays with.</param>
/// <param name="ToCurrency">ISO 4217 code of the currency the customer receives.</param>
/// <param name="Amount">What the customer will pay, an integer in minor units of <c>currency</c>; give it or <c>toAmount</c>, not both.</param>
/// <param name="ToAmount">What the customer wants to receive, an integer in minor units of <c>toCurrency</c> (a yen is 1: JPY has no minor unit).</param>
public sealed record QuoteRequest(
    [property: RequiredField] string? Currency,
    [property: RequiredField] string? ToCurrency,
    long? Amount,
    long? ToAmount);

/// <summary>A conversion between two of the customer's own wallets, at a quote's price.</summary>
/// <param name="QuoteId">The quote (<c>fxq_…</c>) from <c>POST /v1/fx/quotes</c>, unexpired and unused: its amounts and rate are what moves.</param>
/// <param name="FromWalletId">The caller's wallet in the quote's <c>currency</c>, which pays.</param>
/// <param name="ToWalletId">The caller's wallet in the quote's <c>toCurrency</c>, which receives.</param>
/// <param name="Pin">The six-digit payment PIN; give it or <c>deviceSignature</c>, not both.</param>
/// <param name="DeviceSignature">A registered device's signature approving this conversion (kind <c>conversion</c>, the amount and currency paid, the receiving wallet as payee), instead of the PIN.</param>
public sealed record ConversionRequest(
    [property: RequiredField] string? QuoteId,
    [property: RequiredField] string? FromWalletId,
    [property: RequiredField] string? ToWalletId,
    string? Pin,
    DeviceSignatureBody? DeviceSignature);
