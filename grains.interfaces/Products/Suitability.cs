using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>
/// The bank's short risk questionnaire (风险测评): each question's answers score 1 (cautious) to 5 (bold); the sum places the
/// customer at a tolerance C1 to C5, which allows products up to the same risk level. A customer answers it once a year.
/// </summary>
public static class RiskQuestionnaire
{
    /// <summary>How long an assessment stands.</summary>
    public static readonly TimeSpan ValidFor = TimeSpan.FromDays(365);

    public static readonly IReadOnlyList<RiskQuestion> Questions =
    [
        new("age", "你的年龄 Your age", ["65 岁以上 Over 65", "55–65", "45–54", "35–44", "18–34"]),
        new("horizon", "这笔钱多久不用 How long can this money stay invested", ["3 个月内 Under 3 months", "3–12 个月 3–12 months", "1–3 年 1–3 years", "3–5 年 3–5 years", "5 年以上 Over 5 years"]),
        new("experience", "投资经验 Your experience of investing", ["没有 None", "只有存款 Deposits only", "基金或理财 Funds or wealth products", "股票 Shares", "期货或衍生品 Futures or derivatives"]),
        new("loss", "一年内能承受的最大亏损 The largest loss in a year you could bear", ["不能亏损 None", "5% 以内 Up to 5%", "5–15%", "15–30%", "30% 以上 Over 30%"]),
        new("income", "投资占收入的比例 Share of your income you invest", ["10% 以内 Under 10%", "10–25%", "25–40%", "40–60%", "60% 以上 Over 60%"]),
    ];

    /// <summary>The tolerance the answers give (1 to 5), or null when they are not one answer (1 to 5) to each question, in order.</summary>
    public static int? ToleranceOf(IReadOnlyList<int> answers)
    {
        if (answers.Count != Questions.Count || answers.Any(a => a is < 1 or > 5))
        {
            return null;
        }
        return answers.Sum() switch
        {
            <= 8 => 1,
            <= 12 => 2,
            <= 16 => 3,
            <= 20 => 4,
            _ => 5,
        };
    }
}

/// <summary>One question and its five answers, the first scoring 1 and the last 5.</summary>
public sealed record RiskQuestion(string Id, string Text, IReadOnlyList<string> Answers);

/// <summary>A customer's assessment: the tolerance (1 to 5, written C1 to C5) the answers gave, and until when it stands.</summary>
[GenerateSerializer, Immutable, Alias("Wallet.RiskAssessment")]
public sealed record RiskAssessment(
    [property: Id(0)] int Tolerance,
    [property: Id(1)] IReadOnlyList<int> Answers,
    [property: Id(2)] DateTimeOffset AssessedAt,
    [property: Id(3)] DateTimeOffset ValidUntil);

/// <summary>A customer's risk assessment (keyed by customer id).</summary>
[Alias("Wallet.IRiskAssessmentGrain")]
public interface IRiskAssessmentGrain : IGrainWithStringKey
{
    /// <summary>Scores the answers and keeps the result for a year (answering again replaces it); refuses answers that are not one per question.</summary>
    [Alias("Assess")]
    Task<RiskAssessment> Assess(IReadOnlyList<int> answers);

    /// <summary>The assessment, still standing or not; null when the customer never answered.</summary>
    [Alias("Current")]
    Task<RiskAssessment?> Current();
}

/// <summary>Who may buy a product, as banks must: tier 2 or better at all; above R1, a standing risk assessment whose tolerance reaches its level.</summary>
public static class Suitability
{
    /// <summary>Why a customer of <paramref name="tier"/> with <paramref name="assessment"/> may not buy a product of <paramref name="riskLevel"/> at <paramref name="now"/>; null when they may.</summary>
    public static Refusal? Of(int tier, RiskAssessment? assessment, int riskLevel, DateTimeOffset now)
    {
        if (tier > Customers.CustomerTiers.DebitCard)
        {
            return new Refusal(RefusalCodes.HigherTierRequired, "The bank's products need tier 2: your real name verified and a debit card in that name bound.");
        }
        if (riskLevel <= RiskLevels.Lowest)
        {
            return null;
        }
        if (assessment is null || assessment.ValidUntil <= now)
        {
            return new Refusal(RefusalCodes.RiskAssessmentRequired, $"This product is R{riskLevel}: take the risk assessment first (once a year).");
        }
        return assessment.Tolerance < riskLevel
            ? new Refusal(RefusalCodes.ProductRiskTooHigh, $"This product is R{riskLevel}; your assessed tolerance is C{assessment.Tolerance}.")
            : null;
    }
}
