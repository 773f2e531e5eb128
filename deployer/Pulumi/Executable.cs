namespace Deployments.Deployer.Pulumi;

/// <summary>Finds a program on a PATH value (the environment the deployer was given, not necessarily its own).</summary>
public static class Executable
{
    public static string? Find(string name, string? path)
    {
        if (string.IsNullOrEmpty(path)) return null;
        foreach (var directory in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(directory, name);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }
}
