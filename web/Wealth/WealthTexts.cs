using System.Globalization;
using Wallet.Web.Api;
using Wallet.Web.Texts;

namespace Wallet.Web.Wealth;

/// <summary>The API's names for products, holdings and the reasons a customer may not buy, as a customer reads them.</summary>
public static class WealthTexts
{
    public static string Kind(string kind, Language language) => kind switch
    {
        "money_market" => language.L("货币基金", "Money-market fund"),
        "term_deposit" => language.L("定期存款", "Term deposit"),
        "wealth" => language.L("理财产品", "Wealth product"),
        _ => kind,
    };

    /// <summary>The kind with what sets it apart: a deposit's term.</summary>
    public static string KindOf(Product product, Language language) => product.TermMonths is { } months
        ? Kind(product.Kind, language) + language.L($" · {months} 个月", $" · {months} months")
        : Kind(product.Kind, language);

    public static string Holding(string status, Language language) => status switch
    {
        "active" => language.L("持有中", "Holding"),
        "redeemed" => language.L("已赎回", "Redeemed"),
        "matured" => language.L("已到期", "Matured"),
        "withdrawn_early" => language.L("已提前支取", "Withdrawn early"),
        _ => status,
    };

    /// <summary>Why the customer may not buy it, in words; null for a reason this page shows another way (none, or a link).</summary>
    public static string Refusal(string code, int riskLevel, Language language) => code switch
    {
        "higher_tier_required" => language.L("需要二类账户（实名并绑定借记卡）", "Needs tier 2 (real name and a debit card)"),
        "risk_assessment_required" => language.L("购买前请先完成风险测评", "Take the risk assessment before buying"),
        "product_risk_too_high" => language.L($"产品风险等级 R{riskLevel} 高于您的风险承受能力", $"Riskier (R{riskLevel}) than your assessed tolerance"),
        "product_not_on_sale" => language.L("暂停销售", "Not on sale now"),
        _ => code,
    };

    /// <summary>250 basis points → "2.50%": the same in both languages.</summary>
    public static string Rate(int basisPoints) => (basisPoints / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
