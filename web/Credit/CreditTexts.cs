using System.Globalization;
using Wallet.Web.Api;
using Wallet.Web.Texts;

namespace Wallet.Web.Credit;

/// <summary>The API's names for loans, instalments and the reasons of a credit decision, as a customer reads them.</summary>
public static class CreditTexts
{
    /// <summary>The terms the bank lends over, in months.</summary>
    public static readonly int[] Terms = [3, 6, 12, 24];

    public static string Loan(string status, Language language) => status switch
    {
        "declined" => language.L("未获批准", "Declined"),
        "offered" => language.L("待确认借款", "Offered"),
        "expired" => language.L("额度已过期", "Offer expired"),
        "active" => language.L("还款中", "Repaying"),
        "overdue" => language.L("已逾期", "Overdue"),
        "repaid" => language.L("已还清", "Repaid"),
        _ => status,
    };

    public static string Instalment(string status, Language language) => status switch
    {
        "upcoming" => language.L("待还", "Upcoming"),
        "due" => language.L("今日到期", "Due today"),
        "overdue" => language.L("已逾期", "Overdue"),
        "paid" => language.L("已还", "Paid"),
        _ => status,
    };

    /// <summary>A reason of the bank's decision in words; one this app does not know yet keeps the API's own text.</summary>
    public static string Reason(CreditReason reason, Language language) => reason.Code switch
    {
        "tier_in_person" => language.L("已线下核验身份", "Identity verified in person"),
        "tier_debit_card" => language.L("已实名并绑定本人借记卡", "Real name verified, with a debit card in it"),
        "tier_real_name" => language.L("已实名认证", "Real name verified"),
        "tier_unverified" => language.L("未实名认证，暂不能借款", "Not verified by real name: the bank cannot lend"),
        "wallet_held_long" => language.L("钱包已使用半年以上", "Wallet held for half a year or more"),
        "wallet_held_months" => language.L("钱包已使用一个月以上", "Wallet held for a month or more"),
        "wallet_new" => language.L("钱包使用不足一个月", "Wallet held for less than a month"),
        "turnover_high" => language.L("近 90 天转入 ¥10,000 以上", "¥10,000 or more came in over 90 days"),
        "turnover_some" => language.L("近 90 天转入 ¥1,000 以上", "¥1,000 or more came in over 90 days"),
        "turnover_low" => language.L("近 90 天转入较少", "Little came in over 90 days"),
        "risk_clear" => language.L("无风险提示", "Nothing open with the risk monitor"),
        "risk_alert_open" => language.L("有待处理的风险提示", "A risk alert is open"),
        "risk_restricted" => language.L("账户受限，暂不能借款", "The account is restricted: the bank cannot lend"),
        "loan_overdue" => language.L("有逾期未还的贷款", "A loan is overdue"),
        "score_below_minimum" => language.L("综合评分未达到借款要求", "The score is below what the bank lends at"),
        "amount_over_limit" => language.L("申请金额超过可借额度", "More than the bank can lend you now"),
        _ => reason.Text,
    };

    /// <summary>1440 basis points → "14.40%": the same in both languages.</summary>
    public static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The earliest instalment not yet paid: what "repay the next instalment" repays, and the next due day.</summary>
    public static Instalment? NextUnpaid(Loan loan) => loan.Schedule.FirstOrDefault(i => i.Status != "paid");

    /// <summary>A loan that has been paid out and is not repaid yet.</summary>
    public static bool Drawn(Loan loan) => loan.Status is "active" or "overdue";
}
