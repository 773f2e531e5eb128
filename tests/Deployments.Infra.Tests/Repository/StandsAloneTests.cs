using System.Text.RegularExpressions;

namespace Deployments.Infra.Tests.Repository;

/// <summary>
/// A plain clone with nothing beside it must build, test and make sense: no file of the project reads or cites a
/// path outside the repository (sibling folders, a workstation's absolute paths, notes that are not published);
/// comments cite public documentation URLs instead.
/// </summary>
public class StandsAloneTests
{
    private static readonly string[] TextExtensions = [".cs", ".csproj", ".props", ".md", ".yml", ".yaml", ".json", ".py", ".cjs", ".js", ".sh", ""];
    private static readonly string[] SkippedDirectories = ["bin", "obj", "node_modules", ".git", ".build", ".pulumi-state"];

    /// <summary>The sibling folder of notes, a workstation path, and the notes' file names; assembled from parts so that
    /// this file does not itself contain what it looks for.</summary>
    private static readonly Regex Outside = new(string.Join("|",
        Regex.Escape(string.Join("/", "..", "sha" + "red")), Regex.Escape("/" + "work" + "/"), @"\bfa" + "cts/",
        @"\b(?:pulumi|aws|github|peers)\." + "md" + @"\b"), RegexOptions.CultureInvariant);

    private static Regex OutsideReference() => Outside;

    private static IEnumerable<string> ProjectFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory))
        {
            if (TextExtensions.Contains(Path.GetExtension(file), StringComparer.Ordinal) && new FileInfo(file).Length < 2_000_000) yield return file;
        }
        foreach (var sub in Directory.EnumerateDirectories(directory))
        {
            if (SkippedDirectories.Contains(Path.GetFileName(sub), StringComparer.Ordinal)) continue;
            foreach (var file in ProjectFiles(sub)) yield return file;
        }
    }

    [Test]
    public void No_file_reads_or_cites_a_path_outside_the_repository()
    {
        // Arrange
        var root = RepoRoot.Dir;

        // Act
        var offenders = ProjectFiles(root)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, number: i + 1)))
            .Where(x => OutsideReference().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.file)}:{x.number}: {x.line.Trim()}")
            .ToList();

        // Assert
        offenders.ShouldBeEmpty();
    }

    [Test]
    public void The_check_sees_an_outside_reference()
    {
        OutsideReference().IsMatch("/// reads (fa" + "cts/aws." + "md §2.2)").ShouldBeTrue();
        OutsideReference().IsMatch("see ../sha" + "red/data/github-payloads").ShouldBeTrue();
        OutsideReference().IsMatch("/work" + "/sha" + "red/design").ShouldBeTrue();
        OutsideReference().IsMatch("Path.Combine(RepoRoot.Dir, \"..\", \"sha" + "red\")").ShouldBeFalse();
        OutsideReference().IsMatch("https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Task.html").ShouldBeFalse();
    }
}
