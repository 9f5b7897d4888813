namespace Wallet.Tests.Infrastructure;

/// <summary>The checkout the tests were built from (tests/bin/&lt;configuration&gt;/net10.0 is four levels below it).</summary>
public static class Repository
{
    private static readonly DirectoryInfo s_output = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));

    public static string Root { get; } = s_output.Parent!.Parent!.Parent!.Parent!.FullName;

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>&lt;folder&gt;/bin/&lt;configuration&gt;/net10.0/&lt;assembly&gt;, built with the same configuration as these tests.</summary>
    public static string Built(string folder, string assembly)
    {
        var path = PathOf(folder, "bin", s_output.Parent!.Name, s_output.Name, assembly);
        return File.Exists(path) ? path : throw new FileNotFoundException($"Build {folder} first ({path}).");
    }
}
