namespace Wallet.Credit;

/// <summary>A loan as its borrower sees it, from what it asked and chose and, once drawn, its account's standing.</summary>
public static class LoanViews
{
    public static LoanView Of(string loanId, LoanState state, LoanStanding? standing, DateTimeOffset now, DateOnly today)
    {
        var decision = state.Decision!;
        if (standing is not null)
        {
            var status = standing.RepaidOn is not null ? LoanStatus.Repaid : standing.Overdue ? LoanStatus.Overdue : LoanStatus.Active;
            return new LoanView(loanId, status, state.Amount, state.Currency, state.TermMonths, decision, standing.Instalments,
                LoanSchedules.TotalInterest(standing.Terms.Schedule), state.AppliedAt, state.OfferExpiresAt, standing.Terms.WalletId, state.AutopayWalletId,
                standing.Terms.DrawnOn, standing.OutstandingPrincipal, standing.RepaidOn is null ? standing.PayoffToday : null, standing.RepaidOn, standing.DrawdownId);
        }
        if (!decision.Approved)
        {
            return new LoanView(loanId, LoanStatus.Declined, state.Amount, state.Currency, state.TermMonths, decision, [], 0, state.AppliedAt, null, null, null,
                null, 0, null, null, null);
        }
        // Offered: the schedule as it would be if drawn today; the drawdown dates it for good.
        var schedule = LoanSchedules.Annuity(state.Amount, decision.AnnualRateBasisPoints, state.TermMonths, today);
        return new LoanView(loanId, now > state.OfferExpiresAt ? LoanStatus.Expired : LoanStatus.Offered, state.Amount, state.Currency, state.TermMonths, decision,
            [.. schedule.Select(i => new InstalmentStanding(i, InstalmentStatus.Upcoming, 0, null, null, 0))], LoanSchedules.TotalInterest(schedule),
            state.AppliedAt, state.OfferExpiresAt, null, null, null, 0, null, null, null);
    }
}
