using Wallet.Bills;
using Wallet.Bills.Analysis;
using Wallet.ClientApi.Contract;

namespace Wallet.ClientApi.Spending;

/// <summary>The customer's monthly budgets, replacing any set before; an empty list removes them all.</summary>
/// <param name="Currency">ISO 4217 code of the amounts, one the bank holds; the bank's home currency (CNY) when left out. Only spending in this currency counts against them.</param>
/// <param name="Budgets">At most one budget per spending category.</param>
public sealed record BudgetsRequest(string? Currency, [property: RequiredField] IReadOnlyList<BudgetRequest?>? Budgets);

/// <summary>One category's monthly budget.</summary>
/// <param name="Category">A spending category: one of a merchant's (<c>dining</c>, <c>groceries</c>, …, <c>other</c>) or <c>transfers</c>.</param>
/// <param name="Amount">What the customer means to spend in it each month, a whole number of minor units from 1.</param>
public sealed record BudgetRequest([property: RequiredField] SpendingCategory? Category, [property: RequiredField] long? Amount);

/// <summary>The customer's monthly budgets; the inbox says when a month's spending in a category reaches 80 % and 100 % of its budget.</summary>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="Budgets">Each budgeted category.</param>
public sealed record BudgetsResponse(string Currency, IReadOnlyList<BudgetResponse> Budgets)
{
    public static BudgetsResponse From(SpendingBudgets budgets)
        => new(budgets.Currency, [.. budgets.Amounts.OrderBy(b => b.Key).Select(b => new BudgetResponse(b.Key, budgets.Currency, b.Value))]);
}

/// <summary>One category's monthly budget.</summary>
/// <param name="Category">The spending category.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="Amount">The monthly budget, an integer in minor units of the currency.</param>
public sealed record BudgetResponse(SpendingCategory Category, string Currency, long Amount);
