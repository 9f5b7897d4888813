namespace Wallet.RealName;

/// <summary>The national identity check a bank integrates with: does this name go with this number?</summary>
public interface IIdentityService
{
    Task<bool> Confirms(string name, string idNumber);
}
