using Wallet.Bills;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>What the bank's printed documents call things, in Chinese and English, and how they print amounts.</summary>
public static class DocumentLabels
{
    public static string Of(MovementKind kind) => kind switch
    {
        MovementKind.Transfer => "转账 Transfer",
        MovementKind.TopUp => "充值 Top-up",
        MovementKind.Withdrawal => "提现 Withdrawal",
        MovementKind.Payment => "消费 Payment",
        MovementKind.Refund => "退款 Refund",
        MovementKind.Settlement => "结算 Settlement",
        MovementKind.Cashback => "返现 Cashback",
        _ => kind.ToString(),
    };

    public static string Of(SpendingCategory category) => category switch
    {
        SpendingCategory.Dining => "餐饮 Dining",
        SpendingCategory.Groceries => "超市 Groceries",
        SpendingCategory.Transport => "交通 Transport",
        SpendingCategory.Shopping => "购物 Shopping",
        SpendingCategory.Utilities => "生活缴费 Utilities",
        SpendingCategory.Entertainment => "娱乐 Entertainment",
        SpendingCategory.Health => "医疗 Health",
        SpendingCategory.Education => "教育 Education",
        SpendingCategory.Travel => "旅行 Travel",
        SpendingCategory.Transfers => "转账 Transfers",
        SpendingCategory.TopUps => "充值 Top-ups",
        SpendingCategory.Withdrawals => "提现 Withdrawals",
        SpendingCategory.Refunds => "退款 Refunds",
        SpendingCategory.Cashback => "返现 Cashback",
        SpendingCategory.Fees => "手续费 Fees",
        SpendingCategory.Settlements => "结算 Settlements",
        _ => "其他 Other",
    };

    /// <summary>An amount for people: major units with thousands grouped (<c>1,234.50</c>).</summary>
    public static string Money(long amount, string currency)
    {
        var exponent = Wallet.Money.Currencies.MinorUnitsOf(currency);
        return (amount / (decimal)Math.Pow(10, exponent)).ToString("N" + exponent, System.Globalization.CultureInfo.InvariantCulture);
    }
}
