namespace Wallet.Web.Texts;

/// <summary>The API's names for movements and categories, as a customer reads them.</summary>
public static class Kinds
{
    public static string Name(string kind, Language language) => kind switch
    {
        "transfer" => language.L("转账", "Transfer"),
        "top_up" => language.L("充值", "Top-up"),
        "withdrawal" => language.L("提现", "Withdrawal"),
        "payment" => language.L("付款", "Payment"),
        "refund" => language.L("退款", "Refund"),
        "settlement" => language.L("结算", "Settlement"),
        "cashback" => language.L("返现", "Cashback"),
        "bill_payment" => language.L("缴费", "Bill payment"),
        "conversion" => language.L("换汇", "Conversion"),
        "remittance" => language.L("跨境汇款", "Remittance"),
        "red_packet" => language.L("红包", "Red packet"),
        "family_top_up" => language.L("子钱包充值", "Family top-up"),
        "family_take_back" => language.L("子钱包收回", "Family take-back"),
        "investment" => language.L("理财", "Investment"),
        "loan_drawdown" => language.L("贷款放款", "Loan drawdown"),
        "loan_repayment" => language.L("贷款还款", "Loan repayment"),
        "compensation" => language.L("赔付", "Compensation"),
        _ => kind,
    };

    public static string Category(string category, Language language) => category switch
    {
        "dining" => language.L("餐饮", "Dining"),
        "groceries" => language.L("超市", "Groceries"),
        "transport" => language.L("交通", "Transport"),
        "shopping" => language.L("购物", "Shopping"),
        "utilities" => language.L("生活缴费", "Utilities"),
        "entertainment" => language.L("娱乐", "Entertainment"),
        "health" => language.L("医疗", "Health"),
        "education" => language.L("教育", "Education"),
        "travel" => language.L("旅行", "Travel"),
        "transfers" => language.L("转账", "Transfers"),
        "top_ups" => language.L("充值", "Top-ups"),
        "withdrawals" => language.L("提现", "Withdrawals"),
        "refunds" => language.L("退款", "Refunds"),
        "cashback" => language.L("返现", "Cashback"),
        "fees" => language.L("手续费", "Fees"),
        "settlements" => language.L("结算", "Settlements"),
        "conversions" => language.L("换汇", "Conversions"),
        "remittances" => language.L("跨境汇款", "Remittances"),
        "red_packets" => language.L("红包", "Red packets"),
        "investments" => language.L("理财", "Investments"),
        "loans" => language.L("贷款", "Loans"),
        "compensation" => language.L("赔付", "Compensation"),
        _ => language.L("其他", "Other"),
    };

    public static readonly string[] Categories =
        ["dining", "groceries", "transport", "shopping", "utilities", "entertainment", "health", "education", "travel", "transfers", "top_ups",
         "withdrawals", "refunds", "cashback", "fees", "settlements", "conversions", "remittances", "red_packets", "investments", "loans", "compensation", "other"];
}
