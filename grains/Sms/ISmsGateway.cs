namespace Wallet.Sms;

/// <summary>Sends a text message to a phone. The embedded mode and the tests use a simulator.</summary>
public interface ISmsGateway
{
    Task Send(string phone, string text);
}
