using Wallet.Bills;
using Wallet.Display;
using Wallet.Wallets;

namespace Wallet.ClientApi.Statements;

/// <summary>What the bank's printed documents call things, in Chinese and English.</summary>
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
        MovementKind.BillPayment => "缴费 Bill payment",
        MovementKind.Conversion => "换汇 Conversion",
        MovementKind.Remittance => "跨境汇款 Remittance",
        MovementKind.FamilyTopUp => "子钱包充值 Family top-up",
        MovementKind.FamilyTakeBack => "子钱包收回 Family take-back",
        MovementKind.RedPacket => "红包 Red packet",
        MovementKind.Investment => "理财 Investment",
        MovementKind.LoanDrawdown => "贷款放款 Loan drawdown",
        MovementKind.LoanRepayment => "贷款还款 Loan repayment",
        MovementKind.Compensation => "安全保障基金赔付 Compensation",
        _ => kind.ToString(),
    };

    /// <summary>A category as a document prints it: Chinese, then English (<c>餐饮 Dining</c>).</summary>
    public static string Of(SpendingCategory category)
    {
        var english = EnumNames.Of(category).Replace('_', '-');
        return $"{SpendingCategories.Chinese(category)} {char.ToUpperInvariant(english[0])}{english[1..]}";
    }
}
