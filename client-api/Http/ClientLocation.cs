using Wallet.Events;

namespace Wallet.ClientApi.Http;

/// <summary>
/// Where the app says the customer is: <c>X-Client-Location: latitude,longitude</c> in degrees (the
/// phone's position). Optional; the risk monitor's impossible-travel rule compares consecutive ones.
/// A malformed value is ignored rather than refused: it must never stop a customer signing in.
/// </summary>
public static class ClientLocation
{
    public const string Header = "X-Client-Location";

    public static GeoPoint? Of(HttpContext context) => GeoPoint.Parse(context.Request.Headers[Header].ToString());
}
