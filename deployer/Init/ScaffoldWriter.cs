using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Init;

/// <summary>
/// Writes the scaffold into the repository, all or nothing: every file is compared first; a file that exists with
/// other content stops the run before anything is written, unless <c>force</c>. Identical files are left untouched
/// ("unchanged"), so a second run changes nothing; a file that only gains our part (<see cref="ScaffoldFile.OnlyAdds"/>) is "updated".
/// </summary>
public static class ScaffoldWriter
{
    public enum Outcome { Created, Unchanged, Updated, Overwritten }

    public static IReadOnlyList<(ScaffoldFile File, Outcome Outcome)> Write(string directory, IReadOnlyList<ScaffoldFile> files, bool force)
    {
        var planned = files.Select(f => (File: f, Outcome: Compare(directory, f))).ToList();
        var conflicts = planned.Where(p => p.Outcome == Outcome.Overwritten).Select(p => p.File.Path).ToList();
        if (conflicts.Count > 0 && !force)
            throw new UserInputException($"nothing was written: {string.Join(", ", conflicts)} already exist{(conflicts.Count == 1 ? "s" : "")} with other content; "
                + "move them aside or pass --force to overwrite them");
        foreach (var (file, outcome) in planned.Where(p => p.Outcome != Outcome.Unchanged))
        {
            var path = Path.Combine(directory, file.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, file.Content);
        }
        return planned;
    }

    private static Outcome Compare(string directory, ScaffoldFile file)
    {
        var relative = file.Path;
        var path = Path.Combine(directory, relative);
        if (Directory.Exists(path)) throw new UserInputException($"nothing was written: {relative} is a directory, where init writes a file");
        // A file where init needs a directory (.github, .config) would fail the write half-way: refuse it now.
        for (var parent = Path.GetDirectoryName(relative); !string.IsNullOrEmpty(parent); parent = Path.GetDirectoryName(parent))
            if (File.Exists(Path.Combine(directory, parent)))
                throw new UserInputException($"nothing was written: {parent} is a file, where init writes the directory of {relative}");
        if (!File.Exists(path)) return Outcome.Created;
        // A file far larger than anything init writes is different without reading it.
        return new FileInfo(path).Length <= 1024 * 1024 && File.ReadAllText(path) == file.Content ? Outcome.Unchanged
            : file.OnlyAdds ? Outcome.Updated : Outcome.Overwritten;
    }
}
