using System.Security.Cryptography;
using Wallet.Devices;
using Wallet.Identity;
using Wallet.Refusals;

namespace Wallet.Customers;

/// <summary>
/// Device keys and their challenges. Challenges live only in this activation's memory: one that is
/// lost (a restart, a move to another silo) can no longer be used at all, so keeping them costs no
/// write and cannot let one be used twice.
/// </summary>
public sealed partial class PaymentCredentialsGrain
{
    public const int MaxDevices = 5;
    public static readonly TimeSpan ChallengeLifetime = TimeSpan.FromMinutes(2);

    private readonly Dictionary<string, DeviceChallenge> _challenges = [];

    public async Task<DeviceView> RegisterDevice(string publicKey)
    {
        var state = State;
        if (!DeviceKeys.IsValid(publicKey))
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, "The public key is not an ECDSA P-256 SubjectPublicKeyInfo in base64.");
        }
        if (state.Devices.FirstOrDefault(d => d.Value.PublicKey == publicKey) is { Key: not null } known)
        {
            return new DeviceView(known.Key, known.Value.RegisteredAt);
        }
        if (state.Devices.Count >= MaxDevices)
        {
            throw new WalletRefusedException(RefusalCodes.TooManyDevices, $"At most {MaxDevices} devices; remove one first.");
        }
        var device = new DeviceKey { PublicKey = publicKey, RegisteredAt = clock.GetUtcNow() };
        var deviceId = Ids.New(IdPrefixes.Device);
        state.Devices[deviceId] = device;
        Outbox.Record((id, who, at) => new Events.DeviceRegistered(id, who, at, deviceId));
        await Outbox.SaveAndPublish();
        return new DeviceView(deviceId, device.RegisteredAt);
    }

    public Task<IReadOnlyList<DeviceView>> ListDevices()
        => Task.FromResult<IReadOnlyList<DeviceView>>([.. State.Devices.OrderBy(d => d.Value.RegisteredAt).Select(d => new DeviceView(d.Key, d.Value.RegisteredAt))]);

    public async Task RemoveDevice(string deviceId)
    {
        if (!State.Devices.Remove(deviceId))
        {
            throw WalletRefusedException.NotFound("The device");
        }
        Outbox.Record((id, who, at) => new Events.DeviceRemoved(id, who, at, deviceId));
        await Outbox.SaveAndPublish();
    }

    public async Task<int> RemoveAllDevices()
    {
        var removed = State.Devices.Keys.ToList();
        _challenges.Clear();
        if (removed.Count == 0)
        {
            return 0;
        }
        State.Devices.Clear();
        foreach (var deviceId in removed)
        {
            Outbox.Record((id, who, at) => new Events.DeviceRemoved(id, who, at, deviceId));
        }
        await Outbox.SaveAndPublish();
        return removed.Count;
    }

    public Task<DeviceChallenge> IssueChallenge()
    {
        if (State.Devices.Count == 0)
        {
            throw new WalletRefusedException(RefusalCodes.NoDevice, "Register a device key before asking for a challenge.");
        }
        var now = clock.GetUtcNow();
        foreach (var expired in _challenges.Where(c => c.Value.ExpiresAt < now).Select(c => c.Key).ToList())
        {
            _challenges.Remove(expired);
        }
        var challenge = new DeviceChallenge(Ids.New(IdPrefixes.DeviceChallenge), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), now + ChallengeLifetime);
        _challenges[challenge.ChallengeId] = challenge;
        return Task.FromResult(challenge);
    }

    public async Task<Risk.Restriction> AuthorisePayment(PaymentAuthorisation authorisation, SignedPayment payment)
    {
        if (RefusedAuthorisations.Find(State.RefusedAuthorisations, authorisation.Request) is { } earlier)
        {
            throw earlier; // the same request again: its first answer, no try spent
        }
        if (authorisation.Pin is { } pin)
        {
            await CheckPaymentPin(pin, authorisation.Request);
            return await Restriction();
        }
        try
        {
            await VerifyDeviceSignature(authorisation.ChallengeId ?? "", authorisation.Signature ?? "", payment);
        }
        catch (WalletRefusedException refused) when (authorisation.Request is { } request)
        {
            // The challenge is spent: the same request again would be told it is unknown instead of its first answer.
            RefusedAuthorisations.Remember(State.RefusedAuthorisations, request, refused);
            await credentialsState.WriteStateAsync();
            throw;
        }
        return await Restriction();
    }

    /// <summary>The restriction the profile holds: one place decides it (the call interleaves there).</summary>
    private Task<Risk.Restriction> Restriction() => GrainFactory.GetGrain<ICustomerGrain>(CustomerId).GetRestriction();

    /// <summary>
    /// The challenge is spent by any attempt, right or wrong; the signature must be by one of the customer's
    /// keys over the nonce and this very payment, so one made for another amount, payee or request approves nothing.
    /// </summary>
    private Task VerifyDeviceSignature(string challengeId, string signature, SignedPayment payment)
    {
        var state = State;
        if (!_challenges.Remove(challengeId, out var challenge))
        {
            throw new WalletRefusedException(RefusalCodes.InvalidChallenge, "The challenge is unknown or already used; ask for a new one.");
        }
        if (clock.GetUtcNow() > challenge.ExpiresAt)
        {
            throw new WalletRefusedException(RefusalCodes.ChallengeExpired, "The challenge expired; ask for a new one.");
        }
        var message = payment.Message(challenge.Nonce);
        return state.Devices.Values.Any(d => DeviceKeys.Verifies(d.PublicKey, message, signature))
            ? Task.CompletedTask
            : throw new WalletRefusedException(RefusalCodes.InvalidDeviceSignature, "The signature is not by a device registered to this customer, or not for this payment.");
    }
}
