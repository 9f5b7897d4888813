using Wallet.Customers;
using Wallet.Display;
using Wallet.Refusals;
using Wallet.Money;

namespace Wallet.ClientApi.Http;

/// <summary>Collects field-level mistakes in a request; one validation problem lists them all.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private string? _code;

    public FieldErrors Check(bool valid, string field, string message)
    {
        if (!valid)
        {
            if (!_errors.TryGetValue(field, out var messages))
            {
                _errors[field] = messages = [];
            }
            messages.Add(message);
        }
        return this;
    }

    public FieldErrors Required(object? value, string field)
        => Check(value is not null && value is not string { Length: 0 }, field, "This field is required.");

    public FieldErrors Id(string? id, string field, bool required = true)
        => id is null
            ? (required ? Required(id, field) : this)
            : Check(Identity.Ids.IsWellFormed(id), field, "This is not an id the wallet issues.");

    public FieldErrors Amount(long? amount, string field = "amount")
        => amount is null
            ? Required(amount, field)
            : Check(Amounts.IsValidMovement(amount.Value), field, $"An amount is a whole number of minor units from 1 to {Amounts.Max}.");

    public FieldErrors Currency(string? currency, string field = "currency")
        => currency is null
            ? Required(currency, field)
            : Check(Currencies.IsSupported(currency), field, $"Use an ISO 4217 code the wallet holds: {string.Join(", ", Currencies.All)}.");

    public FieldErrors Pin(string? pin, string field = "pin")
        => pin is null
            ? Required(pin, field)
            : Check(pin.Length == 6 && pin.All(char.IsAsciiDigit), field, "A payment PIN is 6 digits.");

    /// <summary>A code from an SMS: six digits.</summary>
    public FieldErrors SmsCode(string? code, string field = "code")
        => code is null
            ? Required(code, field)
            : Check(code.Length == 6 && code.All(char.IsAsciiDigit), field, "The code is the 6 digits from the SMS.");

    public FieldErrors Password(string? password, string field = "password")
        => Check(password is { Length: >= 8 and <= 128 }, field, "A password is 8 to 128 characters.");

    /// <summary>Money out is authorised by exactly one of the payment PIN or a device signature.</summary>
    public FieldErrors Authorisation(string? pin, Movements.DeviceSignatureBody? signature)
    {
        if (pin is null && signature is null)
        {
            return Check(false, "pin", "Give the payment PIN or a deviceSignature.");
        }
        if (pin is not null && signature is not null)
        {
            return Check(false, "deviceSignature", "Give either the payment PIN or a deviceSignature, not both.");
        }
        return pin is not null
            ? Pin(pin)
            : Id(signature!.ChallengeId, "deviceSignature.challengeId")
                .Check(signature.Signature is { Length: > 0 and <= 200 } s && Convert.TryFromBase64String(s, new byte[s.Length], out _),
                    "deviceSignature.signature", "The signature is base64 of a DER-encoded ECDSA signature.");
    }

    public FieldErrors Phone(string? phone, string field = "phone")
        => phone is null ? Required(phone, field) : Check(Phones.Normalize(phone) is not null, field, "Use a mobile number such as +8613800138000.");

    public FieldErrors IdNumber(string? idNumber, string field = "idNumber")
        => idNumber is null
            ? Required(idNumber, field)
            : Check(IdNumbers.IsValid(idNumber), field, "A resident identity number is 17 digits and a check digit or X.");

    /// <summary>
    /// Text a person will read: 1 to <paramref name="maxLength"/> characters, none of them hidden or
    /// disguising (<see cref="DisplayText"/>); such a character makes the problem's code <c>invalid_text</c>.
    /// </summary>
    public FieldErrors Text(string? text, string field, int maxLength, bool required = true)
        => text is null
            ? (required ? Required(text, field) : this)
            : !DisplayText.IsSafe(text)
                ? Refuse(field, DisplayText.Refused, RefusalCodes.InvalidText)
                : Check(DisplayText.Length(text) is > 0 && DisplayText.Length(text) <= maxLength, field, $"Use 1 to {maxLength} characters.");

    /// <summary>A mistake with a code of its own (the first such code is the problem's, instead of validation_failed).</summary>
    public FieldErrors Refuse(string field, string message, string code)
    {
        _code ??= code;
        return Check(false, field, message);
    }

    public ValidationProblem? Problem
        => _errors.Count == 0 ? null : Problems.Validation(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), _code);
}
