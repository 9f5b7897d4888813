using Wallet.Web.Api;
using Wallet.Web.Texts;

namespace Wallet.Web.Bills;

/// <summary>The API's names for billers, bills and bill payments, as a customer (or an operator) reads them.</summary>
public static class BillTexts
{
    public static string Kind(string kind, Language language) => kind switch
    {
        "water" => language.L("水费", "Water"),
        "electricity" => language.L("电费", "Electricity"),
        "gas" => language.L("燃气费", "Gas"),
        "mobile" => language.L("话费", "Mobile"),
        "broadband" => language.L("宽带", "Broadband"),
        "property" => language.L("物业费", "Property fees"),
        _ => kind,
    };

    public static string Mode(string mode, Language language) => mode switch
    {
        "postpaid" => language.L("按账单缴费", "Pays bills"),
        "prepaid" => language.L("预付费", "Prepaid"),
        "denominations" => language.L("固定面额充值", "Fixed top-ups"),
        _ => mode,
    };

    public static string Bill(string status, Language language) => status switch
    {
        "unpaid" => language.L("待缴费", "Unpaid"),
        "paid" => language.L("已缴清", "Paid"),
        _ => language.L("暂无账单", "Nothing billed"),
    };

    /// <summary>Where a payment stands with the biller; the money's own state (held for review) comes first.</summary>
    public static string Payment(string status, string billerStatus, Language language) => (status, billerStatus) switch
    {
        ("held_for_review", _) => language.L("已提交，等待银行审核", "Held for the bank's review"),
        (_, "paid") => language.L("缴费成功", "Paid"),
        (_, "pending") => language.L("已付款，等待缴费单位确认", "Paid, waiting for the biller to confirm"),
        (_, "refunded") => language.L("缴费单位未入账，款项已退回", "Not taken by the biller: the money is back"),
        (_, "confirmed_after_refund") => language.L("已退款，缴费单位事后确认，银行正在处理", "Refunded; the biller confirmed late and the bank is taking it up"),
        _ => language.L("未发送", "Not sent"),
    };

    /// <summary>What an account number at this biller looks like, said before the customer types one.</summary>
    public static string AccountShape(AccountRule rule, Language language)
    {
        var length = rule.MinLength == rule.MaxLength ? $"{rule.MinLength}" : $"{rule.MinLength}–{rule.MaxLength}";
        var what = rule.DigitsOnly ? language.L("位数字", " digits") : language.L("位字母或数字", " letters or digits");
        var prefix = rule.Prefix is { } p ? language.L($"，以 {p} 开头", $", starting {p}") : "";
        return length + what + prefix;
    }
}
