using Wallet.Refusals;
using Wallet.ClientApi.Contract;
using System.Security.Claims;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.Customers;
using Wallet.Wallets;
using Wallet.Bills;

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
        wallets.MapGet("/{id}/transactions", Transactions).WithName("ListWalletTransactions").MayRefuse(RefusalCodes.InvalidText);
        wallets.MapPut("/{id}/transactions/{entryId}/note", NoteEntry).WithName("NoteWalletEntry").MayRefuse(RefusalCodes.InvalidText);
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
        return TypedResults.Ok(new WalletOverviewResponse(WalletResponse.From(await view), EntryResponse.Page(id, await entries)));
    }

    /// <summary>
    /// The wallet's entries, newest first, searched: every filter given must hold. The cursor pages stay put while new
    /// entries arrive (they come before the first page).
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="from">Only entries booked at or after this time, ISO 8601 with an offset (such as <c>2026-01-01T00:00:00+08:00</c>).</param>
    /// <param name="to">Only entries booked before this time, ISO 8601 with an offset.</param>
    /// <param name="fromDate">Only entries booked on or after this bank day (Asia/Shanghai calendar), <c>yyyy-MM-dd</c>.</param>
    /// <param name="toDate">Only entries booked on or before this bank day (Asia/Shanghai calendar), <c>yyyy-MM-dd</c>.</param>
    /// <param name="kind">Only entries of this kind: <c>transfer</c>, <c>top_up</c>, <c>withdrawal</c>, <c>payment</c>, <c>refund</c>, <c>settlement</c> or <c>cashback</c>.</param>
    /// <param name="category">Only entries in this category (the owner's own where they re-categorised one; see the SpendingCategory schema).</param>
    /// <param name="counterparty">Only entries with this other side: a wallet's, merchant's or card's id.</param>
    /// <param name="minAmount">Only entries of at least this amount, an integer in minor units (fen for CNY).</param>
    /// <param name="maxAmount">Only entries of at most this amount, an integer in minor units.</param>
    /// <param name="text">Only entries whose memo or note holds this text (any case), 1 to 50 characters.</param>
    /// <param name="tag">Only entries the owner tagged so (any case).</param>
    public static async Task<Results<Ok<Page<EntryResponse>>, ValidationProblem>> Transactions(
        string id, ClaimsPrincipal user, IGrainFactory grains,
        [AsParameters] PageRequest page, string? from = null, string? to = null, string? kind = null,
        string? fromDate = null, string? toDate = null, string? category = null, string? counterparty = null,
        string? minAmount = null, string? maxAmount = null, string? text = null, string? tag = null)
    {
        var fromTime = QueryValues.Time(from, out var fromOk);
        var toTime = QueryValues.Time(to, out var toOk);
        var kindValue = QueryValues.Named<MovementKind>(kind, out var kindOk);
        var firstDay = QueryValues.Day(fromDate, out var firstDayOk);
        var lastDay = QueryValues.Day(toDate, out var lastDayOk);
        var categoryValue = QueryValues.Named<SpendingCategory>(category, out var categoryOk);
        var least = QueryValues.Amount(minAmount, out var leastOk);
        var most = QueryValues.Amount(maxAmount, out var mostOk);
        var errors = new FieldErrors()
            .Page(page, out var pageSize, out var before)
            .Check(fromOk, "from", "Use an ISO 8601 time with an offset.")
            .Check(toOk, "to", "Use an ISO 8601 time with an offset.")
            .Check(kindOk, "kind", $"Use one of {QueryValues.NamesOf<MovementKind>()}.")
            .Check(firstDayOk, "fromDate", "Use a date, yyyy-MM-dd.")
            .Check(lastDayOk, "toDate", "Use a date, yyyy-MM-dd.")
            .Check(firstDay is null || lastDay is null || firstDay <= lastDay, "toDate", "Use a day on or after fromDate.")
            .Check(categoryOk, "category", $"Use one of {QueryValues.NamesOf<SpendingCategory>()}.")
            .Check(leastOk, "minAmount", "Use a whole number of minor units, 0 or more.")
            .Check(mostOk, "maxAmount", "Use a whole number of minor units, 0 or more.")
            .Check(least is null || most is null || least <= most, "maxAmount", "Use an amount no less than minAmount.")
            .Text(counterparty, "counterparty", 64, required: false)
            .Text(text, "text", 50, required: false)
            .Text(tag, "tag", EntryNotes.MaxTag, required: false);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var query = new EntryQuery(pageSize, before, fromTime, toTime, kindValue, categoryValue, counterparty, least, most, text, tag, firstDay, lastDay);
        var entries = await grains.GetGrain<IWalletStatementGrain>(id).GetEntries(user.CustomerId(), query);
        return TypedResults.Ok(new Page<EntryResponse>(
            EntryResponse.Page(id, entries),
            entries.NextBeforeSequence is { } next ? Paging.Cursor(next) : null));
    }

    /// <summary>
    /// The owner's own category, note and tags on one entry, replacing what was there (all empty removes them). The
    /// entry itself never changes; searches and the spending analysis read the owner's category from then on.
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="entryId">The entry's id, as the wallet's transactions list it (<c>wal_….7</c>).</param>
    public static async Task<Results<Ok<EntryResponse>, ValidationProblem>> NoteEntry(
        string id, string entryId, EntryNoteRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var tags = body.Tags ?? [];
        var errors = new FieldErrors()
            .Check(body.Category is null || Enum.IsDefined(body.Category.Value), "category", $"Use one of {QueryValues.NamesOf<SpendingCategory>()}.")
            .Text(Written(body.Note), "note", EntryNotes.MaxNote, required: false)
            .Check(tags.Count <= EntryNotes.MaxTags, "tags", $"Use at most {EntryNotes.MaxTags} tags.");
        foreach (var tag in tags)
        {
            errors.Text(tag?.Trim(), "tags", EntryNotes.MaxTag);
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        // An id of another wallet's entry, or no entry's at all, is the same 404 as an entry that does not exist.
        var sequence = EntryIds.SequenceIn(id, entryId) ?? throw WalletRefusedException.NotFound("The entry");
        var note = new EntryNote(body.Category, Written(body.Note),
            [.. tags.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase)]);
        var noted = await grains.GetGrain<IEntryNotesGrain>(id).Annotate(user.CustomerId(), sequence, note);
        return TypedResults.Ok(EntryResponse.From(id, noted.Entry, noted.Note));
    }

    /// <summary>A note as kept: trimmed, and none at all when only blanks were sent.</summary>
    private static string? Written(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();
}
