using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wallet.Tests.Infrastructure;

/// <summary>
/// Signs as a phone's keystore does: DER ECDSA-SHA256 over the message README's "Device keys" paragraph
/// documents — <c>nonce\nkind\namount\ncurrency\npayee\nreference</c> in UTF-8. Built here from that text,
/// not from the bank's own code, so a change to the format fails the tests instead of following it.
/// </summary>
public static class DeviceSigning
{
    public static string Message(string nonce, string kind, long amount, string currency, string payee, string reference)
        => string.Join('\n', nonce, kind, amount.ToString(CultureInfo.InvariantCulture), currency, payee, reference);

    public static string Sign(ECDsa key, string nonce, string kind, long amount, string currency, string payee, string reference)
        => Sign(key, Message(nonce, kind, amount, currency, payee, reference));

    public static string Sign(ECDsa key, string message)
        => Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(message), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
}
