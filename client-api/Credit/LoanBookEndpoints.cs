using Wallet.ClientApi.Hosting;
using Wallet.ClientApi.Http;
using Wallet.ClientApi.Wallets;
using Wallet.Credit;

namespace Wallet.ClientApi.Credit;

/// <summary>The operators' view of the loan book: every drawn loan, where it stands today, and what is overdue.</summary>
public static class LoanBookEndpoints
{
    public static IEndpointRouteBuilder MapLoanBook(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/v1/ops").WithTags("Operators").RequireAuthorization(AuthSetup.OperatorPolicy)
            .MapGet("/loans", List).WithName("ListLoanBook");
        return routes;
    }

    /// <summary>
    /// Drawn loans, newest first, a page at a time, each as it stands on today's bank day (Asia/Shanghai); <c>status</c> keeps
    /// those in it, so a filtered page may hold fewer than <c>limit</c> and still have a <c>nextCursor</c>.
    /// </summary>
    /// <param name="status"><c>active</c>, <c>overdue</c> or <c>repaid</c>; every drawn loan when left out.</param>
    public static async Task<Results<Ok<Page<LoanBookEntryResponse>>, ValidationProblem>> List(
        IGrainFactory grains, string? status, [AsParameters] PageRequest page)
    {
        var errors = new FieldErrors().Check(status is null or "active" or "overdue" or "repaid", "status", "Use active, overdue or repaid.").Page(page, out var size, out var before);
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var listed = await grains.GetGrain<ILoanBookGrain>(0).List(before, size);
        var entries = listed.Loans.Select(LoanBookEntryResponse.Of).Where(e => status is null || Display.EnumNames.Of(e.Status) == status);
        return TypedResults.Ok(new Page<LoanBookEntryResponse>([.. entries], listed.NextBefore is { } next ? Paging.Cursor(next) : null));
    }
}

/// <summary>A drawn loan as the operators see it in the loan book.</summary>
/// <param name="LoanId">The loan (<c>ln_…</c>).</param>
/// <param name="CustomerId">Its borrower (<c>cus_…</c>).</param>
/// <param name="Status"><c>active</c>, <c>overdue</c> or <c>repaid</c>.</param>
/// <param name="Amount">The principal lent, an integer in minor units.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="AnnualRateBasisPoints">The nominal annual interest rate in basis points (1440 is 14.40%).</param>
/// <param name="DrawnOn">The bank day it was paid out, ISO 8601 date.</param>
/// <param name="OutstandingPrincipal">The principal still owed, in minor units.</param>
/// <param name="OverdueInstalments">How many instalments are overdue.</param>
/// <param name="OverdueAmount">What the overdue instalments owe today, late interest included, in minor units.</param>
/// <param name="NextDueOn">The due day of the earliest unpaid instalment, ISO 8601 date; null once repaid.</param>
/// <param name="RepaidOn">The bank day it was repaid, ISO 8601 date; null until then.</param>
public sealed record LoanBookEntryResponse(string LoanId, string CustomerId, LoanStatus Status, long Amount, string Currency, int AnnualRateBasisPoints, DateOnly DrawnOn,
    long OutstandingPrincipal, int OverdueInstalments, long OverdueAmount, DateOnly? NextDueOn, DateOnly? RepaidOn)
{
    public static LoanBookEntryResponse Of(LoanStanding s)
    {
        var overdue = s.Instalments.Where(i => i.Status == InstalmentStatus.Overdue).ToList();
        var status = s.RepaidOn is not null ? LoanStatus.Repaid : s.Overdue ? LoanStatus.Overdue : LoanStatus.Active;
        return new(s.Terms.LoanId, s.Terms.BorrowerId, status, s.Terms.Principal, s.Terms.Currency, s.Terms.AnnualRateBasisPoints, s.Terms.DrawnOn,
            s.OutstandingPrincipal, overdue.Count, overdue.Sum(i => i.Scheduled.Amount + i.LateInterest), s.NextUnpaid?.Scheduled.DueOn, s.RepaidOn);
    }
}
