namespace Deployments.Tests.Shared;

/// <summary>The repository root, found from the test assembly by walking up to Deployments.sln (shared by the test projects).</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "Deployments.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Deployments.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Dir => Root.Value;

    public static string File(params string[] parts) => System.IO.Path.Combine([Root.Value, .. parts]);
}
