namespace Wallet.Tests.Readme;

/// <summary>One <c>```sh</c> block of README.md: its text as a user copies it, and the line it starts on.</summary>
public sealed record ReadmeBlock(int Line, string Text)
{
    /// <summary>The first line, naming the block in a failure.</summary>
    public string Title => Text.Split('\n')[0];
}

/// <summary>Reads README.md's shell examples in the order a newcomer meets them.</summary>
public static class ReadmeBlocks
{
    public static IReadOnlyList<ReadmeBlock> ShellBlocks(string readme)
    {
        var blocks = new List<ReadmeBlock>();
        var lines = File.ReadAllLines(readme);
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].TrimEnd() != "```sh")
            {
                continue;
            }
            var start = i + 1;
            var end = start;
            while (end < lines.Length && lines[end].TrimEnd() != "```")
            {
                end++;
            }
            Assert.True(end < lines.Length, $"README.md: the ```sh block at line {start} is never closed");
            blocks.Add(new ReadmeBlock(start + 1, string.Join('\n', lines[start..end])));
            i = end;
        }
        return blocks;
    }
}
