using System.Text.RegularExpressions;
using GiamNgheo.Domain.Common;

namespace GiamNgheo.Domain.Tests;

public partial class ArchitectureTests
{
    [Fact]
    public void Domain_ReferencesOnlyTheBaseClassLibrary() =>
        Assert.All(typeof(AreaType).Assembly.GetReferencedAssemblies(),
            a => Assert.True(a.Name is "System.Runtime" or "netstandard" || a.Name!.StartsWith("System.", StringComparison.Ordinal), a.Name));

    /// <summary>
    /// The code explains itself without the tracker: no "issue 7" or "session 3" in a source file (generated migrations
    /// aside, whose names are history). Why a choice was made belongs in the comment itself or in docs/.
    /// </summary>
    [Fact]
    public void Sources_CarryNoTrackerNotes()
    {
        var root = AppContext.BaseDirectory;
        while (root is not null && !File.Exists(Path.Combine(root, "GiamNgheo.slnx")))
        {
            root = Path.GetDirectoryName(root);
        }

        Assert.NotNull(root);
        var offending = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => TrackerNote().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(root, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();
        Assert.Empty(offending);
    }

    [GeneratedRegex(@"\b(issue|session|wave)\s+#?\d+", RegexOptions.IgnoreCase)]
    private static partial Regex TrackerNote();
}
