using System.Security.Claims;
using Wallet.Bills.Analysis;
using Wallet.ClientApi.Contract;
using Wallet.ClientApi.Http;
using Wallet.Money;

namespace Wallet.ClientApi.Spending;

/// <summary>
/// The signed-in customer's spending: a month by category and merchant against the month before, the trend of twelve
/// (each as JSON, or as an SVG chart), and their monthly budgets. Answered from the analysis' read model, which the
/// movements' events feed within moments of each commit.
/// </summary>
public static class SpendingEndpoints
{
    public static IEndpointRouteBuilder MapSpending(this IEndpointRouteBuilder routes)
    {
        var me = routes.MapGroup("/v1/me").WithTags("Spending and budgets").RequireAuthorization();
        me.MapGet("/spending", Month).WithName("GetSpending").AlsoServing(SpendingCharts.MediaType);
        me.MapGet("/spending/trend", Trend).WithName("GetSpendingTrend").AlsoServing(SpendingCharts.MediaType);
        me.MapGet("/budgets", GetBudgets).WithName("GetBudgets");
        me.MapPut("/budgets", SetBudgets).WithName("SetBudgets");
        return routes;
    }

    /// <summary>
    /// The month's spending by category and top merchants, each beside the month before. JSON, or an SVG chart with
    /// <c>format=svg</c> or <c>Accept: image/svg+xml</c>.
    /// </summary>
    /// <param name="month">The bank month (Asia/Shanghai calendar), <c>yyyy-MM</c>; this month when left out.</param>
    /// <param name="currency">ISO 4217 code of the spending to analyse; the bank's home currency (CNY) when left out.</param>
    /// <param name="format"><c>json</c> (the default) or <c>svg</c>.</param>
    public static async Task<Results<Ok<SpendingMonthResponse>, ContentHttpResult, ValidationProblem>> Month(
        HttpContext context, ClaimsPrincipal user, IGrainFactory grains, string? month = null, string? currency = null, string? format = null)
    {
        var asked = SpendingMonth.Parse(month);
        if (Problem(month, asked, "month", currency, format) is { } invalid)
        {
            return invalid;
        }
        var analysis = SpendingMonthResponse.From(await grains.GetGrain<ISpendingAnalysisGrain>(0).GetMonth(user.CustomerId(), asked, currency));
        return WantsSvg(context, format) ? TypedResults.Content(SpendingCharts.Month(analysis), SpendingCharts.MediaType) : TypedResults.Ok(analysis);
    }

    /// <summary>Twelve months' spending, oldest first, ending with <c>to</c>. JSON, or an SVG chart with <c>format=svg</c> or <c>Accept: image/svg+xml</c>.</summary>
    /// <param name="to">The last month of the twelve (Asia/Shanghai calendar), <c>yyyy-MM</c>; this month when left out.</param>
    /// <param name="currency">ISO 4217 code of the spending to analyse; the bank's home currency (CNY) when left out.</param>
    /// <param name="format"><c>json</c> (the default) or <c>svg</c>.</param>
    public static async Task<Results<Ok<SpendingTrendResponse>, ContentHttpResult, ValidationProblem>> Trend(
        HttpContext context, ClaimsPrincipal user, IGrainFactory grains, string? to = null, string? currency = null, string? format = null)
    {
        var last = SpendingMonth.Parse(to);
        if (Problem(to, last, "to", currency, format) is { } invalid)
        {
            return invalid;
        }
        var trend = SpendingTrendResponse.From(await grains.GetGrain<ISpendingAnalysisGrain>(0).GetTrend(user.CustomerId(), last, currency));
        return WantsSvg(context, format) ? TypedResults.Content(SpendingCharts.Trend(trend), SpendingCharts.MediaType) : TypedResults.Ok(trend);
    }

    public static async Task<Ok<BudgetsResponse>> GetBudgets(ClaimsPrincipal user, IGrainFactory grains)
        => TypedResults.Ok(BudgetsResponse.From(await grains.GetGrain<ISpendingBudgetsGrain>(user.CustomerId()).Get()));

    /// <summary>
    /// Sets the customer's monthly budgets, replacing those before (an empty list removes them). Each month the inbox
    /// says once when a category's spending reaches 80 % of its budget and once when it reaches 100 %.
    /// </summary>
    public static async Task<Results<Ok<BudgetsResponse>, ValidationProblem>> SetBudgets(BudgetsRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var errors = new FieldErrors().Required(body.Budgets, "budgets");
        if (body.Currency is not null)
        {
            errors.Currency(body.Currency);
        }
        var budgets = body.Budgets ?? [];
        for (var i = 0; i < budgets.Count; i++)
        {
            var field = $"budgets[{i}]";
            errors.Required(budgets[i], field);
            if (budgets[i] is not { } budget)
            {
                continue;
            }
            errors.Required(budget.Category, $"{field}.category")
                .Check(budget.Category is not { } category || SpendingRules.Spent.Contains(category), $"{field}.category",
                    "Budget a spending category: one of a merchant's (dining, groceries, …, other) or transfers.")
                .Check(budgets.Take(i).All(b => b?.Category != budget.Category), $"{field}.category", "Give each category at most one budget.")
                .Required(budget.Amount, $"{field}.amount")
                .Check(budget.Amount is not { } amount || Amounts.IsValidMovement(amount), $"{field}.amount",
                    $"A budget is a whole number of minor units from 1 to {Amounts.Max}.");
        }
        if (errors.Problem is { } invalid)
        {
            return invalid;
        }
        var amounts = budgets.ToDictionary(b => b!.Category!.Value, b => b!.Amount!.Value);
        return TypedResults.Ok(BudgetsResponse.From(await grains.GetGrain<ISpendingBudgetsGrain>(user.CustomerId()).Set(body.Currency, amounts)));
    }

    private static ValidationProblem? Problem(string? monthText, SpendingMonth? month, string field, string? currency, string? format)
    {
        var errors = new FieldErrors()
            .Check(monthText is null || month is not null, field, "Use a month, yyyy-MM (such as 2026-11).")
            .Check(format is null or "json" or "svg", "format", "Use json or svg.");
        return (currency is null ? errors : errors.Currency(currency)).Problem;
    }

    private static bool WantsSvg(HttpContext context, string? format)
        => format == "svg" || (format is null && context.Request.Headers.Accept.Any(a => a?.Contains(SpendingCharts.MediaType, StringComparison.OrdinalIgnoreCase) == true));
}
