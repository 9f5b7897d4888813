using Wallet.ClientApi.Contract;

namespace Wallet.ClientApi.Customers;

/// <summary>A new customer: a phone number and a password. The customer starts at tier 4 (phone only).</summary>
/// <param name="Phone">A mobile number, such as <c>+8613800138000</c> (mainland numbers may leave out <c>+86</c>); one customer per number.</param>
/// <param name="Password">8 to 128 characters.</param>
public sealed record RegisterRequest([property: RequiredField] string? Phone, [property: RequiredField] string? Password);

/// <summary>Signing in with a phone number and password.</summary>
/// <param name="Phone">The phone number the customer registered with.</param>
/// <param name="Password">The customer's password.</param>
public sealed record TokenRequest([property: RequiredField] string? Phone, [property: RequiredField] string? Password);

/// <summary>Setting or changing the six-digit payment PIN that authorises money going out.</summary>
/// <param name="Pin">The new PIN, six digits.</param>
/// <param name="CurrentPin">The PIN set now, six digits; needed to change a PIN already set, left out the first time.</param>
public sealed record PaymentPinRequest([property: RequiredField] string? Pin, string? CurrentPin);

/// <summary>Real-name verification: the name and resident identity number, checked with the identity service.</summary>
/// <param name="Name">The customer's legal name, 1 to 50 characters, as on the identity card.</param>
/// <param name="IdNumber">The 18-character resident identity number: 17 digits and a check digit or <c>X</c>.</param>
public sealed record VerificationRequest([property: RequiredField] string? Name, [property: RequiredField] string? IdNumber);

/// <summary>Asking for a password-reset code by SMS.</summary>
/// <param name="Phone">The phone number the customer registered with; the code is texted there.</param>
public sealed record PasswordResetCodeRequest([property: RequiredField] string? Phone);

/// <summary>A new password, with the texted code and, for a verified customer, the identity number.</summary>
/// <param name="Phone">The phone number the customer registered with.</param>
/// <param name="Code">The six digits from the SMS.</param>
/// <param name="IdNumber">The customer's resident identity number; needed once the customer has verified their real name.</param>
/// <param name="NewPassword">The new password, 8 to 128 characters.</param>
public sealed record PasswordResetRequest([property: RequiredField] string? Phone, [property: RequiredField] string? Code, string? IdNumber, [property: RequiredField] string? NewPassword);

/// <summary>A new payment PIN, with the texted code and, for a verified customer, the identity number.</summary>
/// <param name="Code">The six digits from the SMS.</param>
/// <param name="IdNumber">The customer's resident identity number; needed once the customer has verified their real name.</param>
/// <param name="Pin">The new PIN, six digits.</param>
public sealed record PinResetRequest([property: RequiredField] string? Code, string? IdNumber, [property: RequiredField] string? Pin);

/// <summary>A refresh token to exchange for a new pair of tokens.</summary>
/// <param name="RefreshToken">The <c>refreshToken</c> last issued for the session; each is good once.</param>
public sealed record RefreshRequest([property: RequiredField] string? RefreshToken);

/// <summary>A new password in place of the current one.</summary>
/// <param name="CurrentPassword">The password in use now.</param>
/// <param name="NewPassword">The new password, 8 to 128 characters.</param>
public sealed record PasswordChangeRequest([property: RequiredField] string? CurrentPassword, [property: RequiredField] string? NewPassword);

/// <summary>A device's public key, for payments approved by fingerprint or face instead of the PIN.</summary>
/// <param name="PublicKey">An ECDSA P-256 public key as SubjectPublicKeyInfo (DER), base64.</param>
public sealed record DeviceRequest([property: RequiredField] string? PublicKey);
