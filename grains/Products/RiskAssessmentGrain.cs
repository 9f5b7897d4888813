using Wallet.Hosting;
using Wallet.Refusals;

namespace Wallet.Products;

/// <summary>A customer's answers to the risk questionnaire and the tolerance they give, standing for a year.</summary>
public sealed class RiskAssessmentGrain(
    [PersistentState("assessment", StorageNames.Wallet)] IPersistentState<RiskAssessmentState> assessment,
    [FromKeyedServices(WalletClock.Key)] TimeProvider clock)
    : Grain, IRiskAssessmentGrain
{
    public async Task<RiskAssessment> Assess(IReadOnlyList<int> answers)
    {
        var tolerance = RiskQuestionnaire.ToleranceOf(answers)
            ?? throw new WalletRefusedException(RefusalCodes.ValidationFailed, $"Answer each of the {RiskQuestionnaire.Questions.Count} questions, in order, with 1 to 5.");
        var now = clock.GetUtcNow();
        assessment.State.Current = new RiskAssessment(tolerance, [.. answers], now, now + RiskQuestionnaire.ValidFor);
        await assessment.WriteStateAsync();
        return assessment.State.Current;
    }

    public Task<RiskAssessment?> Current() => Task.FromResult(assessment.State.Current);
}

[GenerateSerializer, Alias("Wallet.RiskAssessmentState")]
public sealed class RiskAssessmentState
{
    [Id(0)] public RiskAssessment? Current { get; set; }
}
