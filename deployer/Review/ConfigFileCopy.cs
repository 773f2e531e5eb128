namespace Deployments.Deployer.Review;

/// <summary>
/// A copy of a stack's <c>Pulumi.&lt;env&gt;.yaml</c> in a directory of its own (owner-only on Unix:
/// <see cref="Directory.CreateTempSubdirectory"/>), for <c>--config-file</c>: the review changes values there, never in
/// the operator's checkout. Deleted with its directory on dispose. The copy holds only what the file holds (secrets
/// stay encrypted as they are in it).
/// </summary>
public sealed class ConfigFileCopy : IDisposable
{
    private readonly DirectoryInfo _directory;

    private ConfigFileCopy(DirectoryInfo directory, string path) => (_directory, Path) = (directory, path);

    public string Path { get; }

    public static ConfigFileCopy Of(string file)
    {
        var directory = Directory.CreateTempSubdirectory("deployments-review-");
        var path = System.IO.Path.Combine(directory.FullName, System.IO.Path.GetFileName(file));
        File.Copy(file, path);
        return new ConfigFileCopy(directory, path);
    }

    public void Dispose()
    {
        try { _directory.Delete(recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
