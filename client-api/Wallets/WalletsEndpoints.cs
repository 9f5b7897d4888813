using Wallet.Refusals;
using Wallet.ClientApi.Contract;
using System.Globalization;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Wallets;

namespace Wallet.ClientApi.Wallets;

/// <summary>Opening wallets and reading them: balance, status, and the statement of entries.</summary>
public static class WalletsEndpoints
{
    public static IEndpointRouteBuilder MapWallets(this IEndpointRouteBuilder routes)
    {
        var wallets = routes.MapGroup("/v1/wallets").WithTags("Wallets").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        wallets.MapPost("", Open).WithName("OpenWallet").MayRefuse(RefusalCodes.CurrencyNotSupported).WithIdempotencyKey(required: false);
        wallets.MapGet("", List).WithName("ListWallets");
        wallets.MapGet("/{id}", Get).WithName("GetWallet");
        wallets.MapGet("/{id}/overview", Overview).WithName("GetWalletOverview");
        wallets.MapGet("/{id}/transactions", Transactions).WithName("ListWalletTransactions");
        wallets.MapPost("/{id}/freeze", Freeze).WithName("FreezeWallet").MayRefuse(RefusalCodes.WalletClosed);
        wallets.MapPost("/{id}/unfreeze-codes", SendUnfreezeCode).WithName("SendUnfreezeCode").MayRefuse(RefusalCodes.IntegrationUnavailable).SpendsSmsBudget();
        wallets.MapPost("/{id}/unfreeze", Unfreeze).WithName("UnfreezeWallet").MayRefuse(RefusalCodes.InvalidPin, RefusalCodes.PinLocked, RefusalCodes.PinNotSet)
            .MayRefuse(CommonRefusals.TextedCode).MayRefuse(RefusalCodes.WalletClosed, RefusalCodes.WalletNotFrozen);
        wallets.MapDelete("/{id}", Close).WithName("CloseWallet").MayRefuse(RefusalCodes.WalletNotEmpty);
        return routes;
    }

    /// <summary>The owner reports the phone lost: money still comes in, none goes out. No PIN needed: the point is speed.</summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Ok<WalletResponse>> Freeze(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(WalletResponse.From(await grains.GetGrain<IWalletStatusGrain>(id).Freeze(user.CustomerId())));

    /// <param name="id">The frozen wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Results<Accepted, ProblemHttpResult>> SendUnfreezeCode(string id, HttpContext context, ClaimsPrincipal user, IGrainFactory grains, SmsBudget sms)
    {
        if (await sms.Spend(context) is { } tooMany)
        {
            return tooMany;
        }
        await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).SendUnfreezeCode(id);
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>Unfreezing needs both the payment PIN and the code texted to the customer's phone.</summary>
    /// <param name="id">The frozen wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Results<Ok<WalletResponse>, ValidationProblem>> Unfreeze(string id, UnfreezeRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (new FieldErrors().Pin(body.Pin).SmsCode(body.Code).Problem is { } invalid)
        {
            return invalid;
        }
        return TypedResults.Ok(WalletResponse.From(await grains.GetGrain<IPaymentCredentialsGrain>(user.CustomerId()).UnfreezeWallet(id, body.Pin!, body.Code!)));
    }

    /// <summary>Closes an empty wallet for good; one holding money is 409 <c>wallet_not_empty</c>.</summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Ok<WalletResponse>> Close(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(WalletResponse.From(await grains.GetGrain<IWalletStatusGrain>(id).Close(user.CustomerId())));

    public static async Task<Results<Created<WalletResponse>, ValidationProblem>> Open(
        OpenWalletRequest body, HttpContext context, ClaimsPrincipal user, IGrainFactory grains)
    {
        var (request, keyProblem) = IdempotencyKeys.Read(context, required: false);
        if ((new FieldErrors().Currency(body.Currency).Problem ?? keyProblem) is { } invalid)
        {
            return invalid;
        }
        var (view, replayed) = await grains.GetGrain<ICustomerGrain>(user.CustomerId()).OpenWallet(body.Currency!, request!);
        IdempotencyKeys.MarkReplay(context, replayed);
        return TypedResults.Created($"/v1/wallets/{view.WalletId}", WalletResponse.From(view));
    }

    public static async Task<Ok<Page<WalletResponse>>> List(ClaimsPrincipal user, IGrainFactory grains)
    {
        var wallets = await grains.GetGrain<ICustomerGrain>(user.CustomerId()).ListWallets();
        return TypedResults.Ok(new Page<WalletResponse>([.. wallets.Reverse().Select(WalletResponse.From)], null));
    }

    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Ok<WalletResponse>> Get(string id, ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(WalletResponse.From(await grains.GetGrain<IWalletGrain>(id).GetView(user.CustomerId())));

    /// <summary>
    /// What an app's home screen shows of a wallet, in one request: the wallet (as <c>GET /v1/wallets/{id}</c> answers it)
    /// and its newest entries (as the first page of its transactions). Both are read at once.
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="limit">How many of the newest entries, 1 to 100; 20 when left out.</param>
    public static async Task<Results<Ok<WalletOverviewResponse>, ValidationProblem>> Overview(string id, ClaimsPrincipal user, IGrainFactory grains, string? limit = null)
    {
        var size = Paging.ParseLimit(limit);
        if (new FieldErrors().Check(size is not null, "limit", $"Use 1 to {Paging.MaxLimit}.").Problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var view = grains.GetGrain<IWalletGrain>(id).GetView(customerId);
        var entries = grains.GetGrain<IWalletStatementGrain>(id).GetEntries(customerId, new EntryQuery(size ?? Paging.DefaultLimit, null, null, null, null));
        await Task.WhenAll(view, entries);
        return TypedResults.Ok(new WalletOverviewResponse(WalletResponse.From(await view), [.. (await entries).Items.Select(e => EntryResponse.From(id, e))]));
    }

    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="from">Only entries booked at or after this time, ISO 8601 with an offset (such as <c>2026-01-01T00:00:00+08:00</c>).</param>
    /// <param name="to">Only entries booked before this time, ISO 8601 with an offset.</param>
    /// <param name="kind">Only entries of this kind: <c>transfer</c>, <c>top_up</c>, <c>withdrawal</c>, <c>payment</c>, <c>refund</c>, <c>settlement</c> or <c>cashback</c>.</param>
    public static async Task<Results<Ok<Page<EntryResponse>>, ValidationProblem>> Transactions(
        string id, ClaimsPrincipal user, IGrainFactory grains,
        [AsParameters] PageRequest page, string? from = null, string? to = null, string? kind = null)
    {
        var fromTime = ParseTime(from, out var fromOk);
        var toTime = ParseTime(to, out var toOk);
        var kindValue = ParseKind(kind, out var kindOk);
        var errors = new FieldErrors()
            .Page(page, out var pageSize, out var before)
            .Check(fromOk, "from", "Use an ISO 8601 time with an offset.")
            .Check(toOk, "to", "Use an ISO 8601 time with an offset.")
            .Check(kindOk, "kind", $"Use one of {string.Join(", ", s_kinds.Keys)}.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var entries = await grains.GetGrain<IWalletStatementGrain>(id).GetEntries(user.CustomerId(), new EntryQuery(pageSize, before, fromTime, toTime, kindValue));
        return TypedResults.Ok(new Page<EntryResponse>(
            [.. entries.Items.Select(e => EntryResponse.From(id, e))],
            entries.NextBeforeSequence is { } next ? Paging.Cursor(next) : null));
    }

    private static DateTimeOffset? ParseTime(string? text, out bool ok)
    {
        ok = text is null || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
        return ok && text is not null ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture) : null;
    }

    /// <summary>Kinds by the names the API writes them with (snake_case, as in responses).</summary>
    private static readonly Dictionary<string, MovementKind> s_kinds
        = Enum.GetValues<MovementKind>().ToDictionary(k => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(k.ToString()));

    private static MovementKind? ParseKind(string? text, out bool ok)
    {
        ok = text is null || s_kinds.ContainsKey(text);
        return text is not null && s_kinds.TryGetValue(text, out var kind) ? kind : null;
    }
}
