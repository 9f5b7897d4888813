using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Statements;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>A wallet's monthly statements, as JSON, CSV or PDF; a closed month's the same bytes every time.</summary>
public static class StatementsEndpoints
{
    public static IEndpointRouteBuilder MapStatements(this IEndpointRouteBuilder routes)
    {
        var wallets = routes.MapGroup("/v1/wallets").WithTags("Wallets").RequireAuthorization().AddEndpointFilter<WellFormedIdFilter>();
        wallets.MapGet("/{id}/statements", List).WithName("ListWalletStatements");
        wallets.MapGet("/{id}/statements/{month}", Get).WithName("GetWalletStatement")
            .ProducesDocuments<StatementResponse>(StatementCsv.MediaType, StatementPdf.ContentType).MayRefuse(Problems.DocumentUnavailable)
            .RequireRateLimiting(RateLimitSetup.Documents);
        wallets.MapGet("/{id}/transactions/{entryId}/receipt", Receipt).WithName("GetWalletEntryReceipt")
            .ProducesDocuments<ReceiptResponse>(StatementPdf.ContentType).MayRefuse(Problems.DocumentUnavailable)
            .RequireRateLimiting(RateLimitSetup.Documents);
        return routes;
    }

    /// <summary>
    /// The wallet's months, newest first, from the month it opened to this one: each open or closed, and for a closed
    /// month the documents issued so far with their SHA-256, to check a downloaded statement against.
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    public static async Task<Ok<Page<StatementMonthResponse>>> List(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var customerId = user.CustomerId();
        var months = await grains.GetGrain<IWalletStatementGrain>(id).StatementMonths(customerId);
        var described = await Task.WhenAll(months.Select(m => grains.GetGrain<IMonthlyStatementGrain>($"{id}/{m}").Describe(customerId)));
        return TypedResults.Ok(new Page<StatementMonthResponse>([.. described.Select(StatementMonthResponse.From)], null));
    }

    /// <summary>
    /// The wallet's statement for a calendar month (Asia/Shanghai): opening balance, every entry booked in the month,
    /// totals in and out by category, closing balance. <c>format</c> picks JSON (the default), CSV (RFC 4180, UTF-8) or
    /// PDF. A month is closed a few minutes after it ends; from then the bank issues each format once and answers those
    /// bytes every time (their SHA-256 in the <c>Repr-Digest</c> header and in the list of statements). An open month's
    /// statement is produced afresh each time.
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="month">The month, <c>yyyy-MM</c>, from the month the wallet opened to this one.</param>
    /// <param name="format"><c>json</c> (the default), <c>csv</c> or <c>pdf</c>.</param>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Get(
        string id, string month, HttpContext context, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<DocumentOptions> documents, string? format = null)
    {
        var chosen = QueryValues.Named<StatementFormat>(format, out var formatOk) ?? StatementFormat.Json;
        var period = StatementMonths.Parse(month);
        var errors = new FieldErrors()
            .Check(period is not null, "month", "Use a month, yyyy-MM.")
            .Check(formatOk, "format", $"Use one of {QueryValues.NamesOf<StatementFormat>()}.");
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var customerId = user.CustomerId();
        var statement = grains.GetGrain<IMonthlyStatementGrain>(StatementMonths.Key(id, period!.Value));
        var answer = await statement.Get(customerId, chosen);
        var bytes = answer.Issued?.Content;
        if (bytes is null)
        {
            // A document already issued is answered as kept, fonts or not; only a new PDF needs them.
            if (chosen == StatementFormat.Pdf && !PdfFonts.Install(documents.Value))
            {
                return Unavailable(documents.Value);
            }
            bytes = Render(answer.Statement, chosen, json.Value.SerializerOptions);
            if (answer.Statement.Closed)
            {
                // The bank keeps the first bytes it issued: a second request racing this one gets those.
                bytes = (await statement.Issue(customerId, chosen, bytes)).Content;
            }
        }
        return Document(context, bytes, chosen, $"statement-{id}-{StatementMonths.Name(period.Value)}");
    }

    /// <summary>
    /// The electronic receipt (电子回单) for one entry of the wallet, as JSON (the default) or PDF: the movement, both parties
    /// masked (a receipt is for showing to others), the amount, the time and the status.
    /// </summary>
    /// <param name="id">The wallet's id (<c>wal_…</c>), one of the caller's.</param>
    /// <param name="entryId">The entry's id, as the wallet's transactions list it (<c>wal_….7</c>).</param>
    /// <param name="format"><c>json</c> (the default) or <c>pdf</c>.</param>
    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> Receipt(
        string id, string entryId, HttpContext context, ClaimsPrincipal user, IGrainFactory grains,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, IOptions<DocumentOptions> documents, string? format = null)
    {
        var chosen = QueryValues.Named<StatementFormat>(format, out var formatOk) ?? StatementFormat.Json;
        if (new FieldErrors().Check(formatOk && chosen != StatementFormat.Csv, "format", "Use json or pdf.").Problem is { } invalid)
        {
            return invalid;
        }
        if (chosen == StatementFormat.Pdf && !PdfFonts.Install(documents.Value))
        {
            return Unavailable(documents.Value);
        }
        // An id of another wallet's entry, or no entry's at all, is the same 404 as an entry that does not exist.
        var sequence = EntryIds.SequenceIn(id, entryId) ?? throw Refusals.WalletRefusedException.NotFound("The entry");
        var source = await grains.GetGrain<IWalletStatementGrain>(id).Receipt(user.CustomerId(), sequence);
        var receipt = ReceiptResponse.From(source);
        var bytes = chosen == StatementFormat.Pdf ? ReceiptPdf.Render(receipt, source) : JsonSerializer.SerializeToUtf8Bytes(receipt, json.Value.SerializerOptions);
        return Document(context, bytes, chosen, $"receipt-{entryId}");
    }

    /// <summary>The bytes with their digest; a CSV or PDF as a file to save.</summary>
    public static FileContentHttpResult Document(HttpContext context, byte[] bytes, StatementFormat format, string name)
    {
        context.Response.Headers[DocumentResponses.DigestHeader] = $"sha-256=:{Convert.ToBase64String(SHA256.HashData(bytes))}:";
        return format switch
        {
            StatementFormat.Csv => TypedResults.File(bytes, StatementCsv.ContentType, name + ".csv"),
            StatementFormat.Pdf => TypedResults.File(bytes, StatementPdf.ContentType, name + ".pdf"),
            _ => TypedResults.File(bytes, "application/json"),
        };
    }

    public static ProblemHttpResult Unavailable(DocumentOptions documents)
        => Problems.For(Problems.DocumentUnavailable,
            $"PDFs cannot be drawn here: the font files {string.Join(", ", documents.Missing())} are missing (Debian: apt-get install fonts-dejavu-core fonts-droid-fallback). JSON and CSV work.");

    private static byte[] Render(MonthlyStatement statement, StatementFormat format, JsonSerializerOptions json) => format switch
    {
        StatementFormat.Csv => StatementCsv.Render(statement),
        StatementFormat.Pdf => StatementPdf.Render(statement),
        _ => JsonSerializer.SerializeToUtf8Bytes(StatementResponse.From(statement), json),
    };
}
