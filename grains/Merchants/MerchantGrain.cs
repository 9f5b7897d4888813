using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Wallet.Banking;
using Wallet.Credentials;
using Wallet.Customers;
using Wallet.Hosting;
using Wallet.Identity;
using Wallet.Refusals;
using Wallet.Wallets;

namespace Wallet.Merchants;

/// <summary>
/// A merchant. Its API secret is sealed at rest and opened once per activation; requests are checked
/// here so the secret never travels. Seen nonces are kept in memory for the five-minute window and
/// saved when the activation ends cleanly; after an unclean end (a crash) they are lost, so that
/// activation refuses every request timestamped before it began — a nonce it cannot remember can
/// never be replayed (a request signed just before the crash must be signed again).
/// </summary>
public sealed partial class MerchantGrain(
    [PersistentState("merchant", StorageNames.Wallet)] IPersistentState<MerchantState> merchant,
    SecretVault vault,
    ICardIssuingBank bank,
    Limits.LimitSchedule limits,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock,
    ILogger<MerchantGrain> logger)
    : Grain, IMerchantGrain, IRemindable
{
    private Dictionary<string, long> _nonceSeenUntil = [];
    private byte[]? _secret;
    private long _refuseBefore;

    private string MerchantId => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!merchant.RecordExists)
        {
            return;
        }
        var state = merchant.State;
        if (state.SavedNonces is { } saved)
        {
            _nonceSeenUntil = saved;
        }
        else
        {
            _refuseBefore = clock.GetUtcNow().ToUnixTimeSeconds();
        }
        if (vault.IsStale(state.SealedSecret))
        {
            state.SealedSecret = vault.Reseal(state.SealedSecret, MerchantId);
        }
        state.SavedNonces = null; // until this activation ends cleanly, its nonces are nowhere but in memory
        // Merchants onboarded before they had a currency of their own: their settlement wallet says which it is.
        state.Currency ??= (await GrainFactory.GetGrain<IWalletGrain>(state.SettlementWalletId).GetFacts())?.Currency;
        await merchant.WriteStateAsync(cancellationToken);
        await OpenSettlements(); // a merchant onboarded before settlements had a grain of their own hands them over, once
        _secret = Encoding.UTF8.GetBytes(vault.Open(state.SealedSecret, MerchantId));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (merchant.RecordExists)
        {
            var now = clock.GetUtcNow().ToUnixTimeSeconds();
            merchant.State.SavedNonces = _nonceSeenUntil.Where(n => n.Value >= now).ToDictionary();
            try
            {
                await merchant.WriteStateAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                // As after a crash: the next activation refuses requests signed before it (the in-memory storage is gone at shutdown).
                LogNoncesNotSaved(logger, MerchantId, exception.GetType().Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Merchant {MerchantId}'s seen nonces were not saved on deactivation ({Error}); requests signed before its next activation will be refused")]
    private static partial void LogNoncesNotSaved(ILogger logger, string merchantId, string error);

    public async Task<Replayable<MerchantOnboarded>> Onboard(MerchantApplication application, IdempotentRequest request)
    {
        if (merchant.RecordExists)
        {
            if (merchant.State.Request != request)
            {
                throw new WalletRefusedException(RefusalCodes.IdempotencyKeyReused, "This idempotency key was used with a different request.");
            }
            await NoteInDirectory(); // a crash after the merchant's write and before its note heals on the replay
            await OpenSettlements(); // and so does one before its settlement account was opened
            return Replayable<MerchantOnboarded>.Again(Onboarded(Encoding.UTF8.GetString(_secret!)));
        }
        MerchantNames.Check(application);
        var currency = application.Currency ?? limits.HomeCurrency;
        if (!limits.Covers(currency))
        {
            // Its settlement wallet would have no limits to hold it to, and its customers no wallet to pay from.
            throw new WalletRefusedException(RefusalCodes.CurrencyNotSupported, $"Merchants in {currency} are not offered: the bank has no reference rate for it.");
        }
        var card = application.SettlementCardNumber is { } cardNumber
            ? await bank.Enrol(cardNumber, application.SettlementCardHolder ?? application.Name, "")
            : null;
        var walletId = Ids.New(IdPrefixes.Wallet);
        // The settlement wallet belongs to the merchant; a business is not a person, so no personal tier limits it.
        await GrainFactory.GetGrain<IWalletGrain>(walletId).Open(MerchantId, currency, CustomerTiers.InPerson);
        var secret = NewSecret();
        merchant.State = new MerchantState
        {
            Name = application.Name,
            Category = application.Category,
            City = application.City,
            NameLatin = application.NameLatin,
            CityLatin = application.CityLatin,
            SettlementWalletId = walletId,
            Currency = currency,
            SealedSecret = vault.Seal(secret, MerchantId),
            OnboardedAt = clock.GetUtcNow(),
            Request = request,
            SettlementBankToken = card?.Token,
            SettlementCardMasked = application.SettlementCardNumber is { } number ? Cards.CardNumbers.Mask(number) : null,
            SealedSettlementCard = application.SettlementCardNumber is { } clear ? vault.Seal(clear, MerchantId) : null,
        };
        await merchant.WriteStateAsync();
        await NoteInDirectory();
        await OpenSettlements();
        _secret = Encoding.UTF8.GetBytes(secret);
        return Replayable<MerchantOnboarded>.Made(Onboarded(secret));
    }

    private Task NoteInDirectory() => GrainFactory.GetGrain<IMerchantDirectoryGrain>(0).Note(new MerchantListing(
        MerchantId, merchant.State.Name, merchant.State.NameLatin, merchant.State.Category, merchant.State.City, merchant.State.OnboardedAt));

    public async Task<MerchantOnboarded> RotateSecret()
    {
        var state = State;
        var secret = NewSecret();
        state.SealedSecret = vault.Seal(secret, MerchantId);
        await merchant.WriteStateAsync();
        _secret = Encoding.UTF8.GetBytes(secret);
        return Onboarded(secret);
    }

    public Task<SignatureVerdict> VerifyRequest(SignedRequest request) => Task.FromResult(Verify(request));

    private SignatureVerdict Verify(SignedRequest request)
    {
        if (_secret is null)
        {
            return SignatureVerdict.UnknownMerchant;
        }
        var given = new byte[32];
        if (!long.TryParse(request.Timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || request.Nonce is not { Length: > 0 and <= 64 } || request.Signature.Length != 64
            || Convert.FromHexString(request.Signature, given, out _, out var written) != System.Buffers.OperationStatus.Done || written != 32)
        {
            return SignatureVerdict.Malformed;
        }
        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var window = (long)MerchantSignatures.Window.TotalSeconds;
        if (Math.Abs(now - timestamp) > window || timestamp < _refuseBefore)
        {
            return SignatureVerdict.StaleTimestamp;
        }
        var expected = Mac(request.Method, request.PathAndQuery, request.Timestamp, request.Nonce, request.BodySha256);
        if (!CryptographicOperations.FixedTimeEquals(expected, given))
        {
            return SignatureVerdict.BadSignature;
        }
        // Only a correctly signed request is told its nonce was used: anyone else learns nothing of the nonces seen.
        if (_nonceSeenUntil.ContainsKey(request.Nonce))
        {
            return SignatureVerdict.ReusedNonce;
        }
        ForgetOldNonces(now);
        _nonceSeenUntil[request.Nonce] = timestamp + window;
        return SignatureVerdict.Verified;
    }

    public Task<string?> SignWebhook(string pathAndQuery, string timestamp, string nonce, string bodySha256)
        => Task.FromResult(_secret is null ? null : Convert.ToHexStringLower(Mac(HttpMethod.Post.Method, pathAndQuery, timestamp, nonce, bodySha256)));

    /// <summary>The HMAC of a request's (or webhook's) canonical form with the merchant's secret: both directions are signed alike.</summary>
    private byte[] Mac(string method, string pathAndQuery, string timestamp, string nonce, string bodySha256)
        => HMACSHA256.HashData(_secret!, Encoding.UTF8.GetBytes(MerchantSignatures.Canonical(method, pathAndQuery, timestamp, nonce, bodySha256)));

    public async Task<MerchantView> GetView()
    {
        var state = State;
        var wallet = await GrainFactory.GetGrain<IWalletGrain>(state.SettlementWalletId).GetView(MerchantId);
        return new MerchantView(MerchantId, state.Name, state.Category, state.City, state.SettlementWalletId, wallet.Balance, state.OnboardedAt, wallet.Currency);
    }

    public Task<MerchantFacts?> GetFacts()
        => Task.FromResult(merchant.RecordExists
            ? new MerchantFacts(MerchantId, merchant.State.Name, merchant.State.Category, merchant.State.City, merchant.State.SettlementWalletId, merchant.State.Currency!)
            : null);

    public async Task<IssuedQrCode> IssueQrCode(long? amount, string currency, string? orderId, TimeSpan? expiresIn)
    {
        var state = State;
        if (currency != state.Currency)
        {
            throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"This merchant's QR codes are in {state.Currency}.");
        }
        var now = clock.GetUtcNow();
        var qrCodeId = orderId is null ? Ids.New(IdPrefixes.QrCode) : Ids.ForIdempotencyKey(IdPrefixes.QrCode, MerchantId, orderId);
        var code = await GrainFactory.GetGrain<IMerchantQrCodeGrain>(qrCodeId)
            .Issue(new QrCode(qrCodeId, MerchantId, amount, currency, orderId, amount is null ? null : now + (expiresIn ?? DefaultQrLifetime), now));
        return new IssuedQrCode(code, PayloadOf(code, state));
    }

    public async Task<IssuedQrCode?> FindQrCode(string qrCodeId)
    {
        var state = State;
        var (code, _) = await GrainFactory.GetGrain<IMerchantQrCodeGrain>(qrCodeId).Inspect(0, clock.GetUtcNow()); // only the code: whether 0 could pay it does not matter
        return code?.MerchantId == MerchantId ? new IssuedQrCode(code, PayloadOf(code, state)) : null;
    }

    private string PayloadOf(QrCode code, MerchantState state)
        => new MerchantQrPayload(code.Dynamic, MerchantId, code.QrCodeId, state.Category, code.Amount, code.Currency, state.Name, state.City, code.OrderId,
            state.NameLatin, state.CityLatin).Encode();

    /// <summary>How long a dynamic code lives when the merchant does not say.</summary>
    public static readonly TimeSpan DefaultQrLifetime = TimeSpan.FromMinutes(15);

    private MerchantState State => merchant.RecordExists ? merchant.State : throw WalletRefusedException.NotFound("The merchant");

    private MerchantOnboarded Onboarded(string secret) => new(MerchantId, secret, merchant.State.SettlementWalletId);

    private void ForgetOldNonces(long now)
    {
        if (_nonceSeenUntil.Count > 1_000)
        {
            foreach (var old in _nonceSeenUntil.Where(n => n.Value < now).Select(n => n.Key).ToList())
            {
                _nonceSeenUntil.Remove(old);
            }
        }
    }

    private static string NewSecret() => "msk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

[GenerateSerializer, Alias("Wallet.MerchantState")]
public sealed class MerchantState
{
    [Id(0)] public string Name { get; set; } = "";
    [Id(1)] public string Category { get; set; } = "";
    [Id(2)] public string City { get; set; } = "";
    [Id(3)] public string SettlementWalletId { get; set; } = "";

    /// <summary>The API secret, sealed by the vault and bound to this merchant's id; never stored in clear.</summary>
    [Id(4)] public string SealedSecret { get; set; } = "";
    [Id(5)] public DateTimeOffset OnboardedAt { get; set; }
    [Id(6)] public IdempotentRequest? Request { get; set; }

    /// <summary>Nonces still inside their window when the last activation ended cleanly; null while one is running.</summary>
    [Id(7)] public Dictionary<string, long>? SavedNonces { get; set; }

    /// <summary>The bank's token for the card settlements are paid to, its masked number, and the number sealed.</summary>
    [Id(8)] public string? SettlementBankToken { get; set; }
    [Id(9)] public string? SettlementCardMasked { get; set; }
    [Id(10)] public string? SealedSettlementCard { get; set; }

    /// <summary>The settlements of a merchant onboarded before they had a grain of their own, until handed over to it (then empty).</summary>
    [Id(11)] public List<SettlementReport> Settlements { get; set; } = [];

    /// <summary>Such a merchant's payout due, until handed over (see <see cref="MerchantSettlementGrain"/>).</summary>
    [Id(12)] public PayoutDue? PayoutDue { get; set; }

    /// <summary>The name and city in printable ASCII for the QR code's tags 59 and 60, where the merchant's own are in another script.</summary>
    [Id(13)] public string? NameLatin { get; set; }
    [Id(14)] public string? CityLatin { get; set; }

    /// <summary>
    /// The currency the merchant is paid and settled in, chosen at onboarding (its settlement wallet holds it);
    /// null only until a merchant onboarded before it was kept is activated.
    /// </summary>
    [Id(15)] public string? Currency { get; set; }

    /// <summary>Whether <see cref="MerchantSettlementGrain"/> holds the merchant's settlement account (false: not yet opened or handed over).</summary>
    [Id(16)] public bool SettlementsOpened { get; set; }
}
