using Wallet.Web.Api;

namespace Wallet.Web.Bills;

/// <summary>The reads the bill pages share.</summary>
public static class PayeeBills
{
    /// <summary>
    /// The payee's bill as the biller says now; null when the biller cannot be asked (503), so one biller that is down
    /// leaves the others' bills on the page.
    /// </summary>
    public static async Task<CurrentBill?> Current(BankApi api, string payeeId)
    {
        try
        {
            return await api.Get<CurrentBill>($"v1/bill-payees/{payeeId}/bill");
        }
        catch (ApiProblem problem) when (problem.Status == 503)
        {
            return null;
        }
    }
}
