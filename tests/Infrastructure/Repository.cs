namespace Wallet.Tests.Infrastructure;

/// <summary>The checkout the tests were built from (tests/bin/&lt;configuration&gt;/net10.0 is four levels below it).</summary>
public static class Repository
{
    public static string Root { get; } =
        new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Parent!.Parent!.Parent!.FullName;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);
}
