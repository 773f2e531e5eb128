using Deployments.Deployer.Errors;

namespace Deployments.Deployer;

/// <summary>
/// Files given as inputs (event payload, price table, open branches), refused before reading when larger than any
/// real one, so a wrong or hostile path cannot exhaust memory; a missing or unreadable file is a user error.
/// </summary>
public static class InputFiles
{
    public const long MiB = 1024 * 1024;

    public static string ReadText(string path, string option, long maxBytes, string what)
    {
        try
        {
            if (!File.Exists(path)) throw new UserInputException($"{option}: '{path}' does not exist; give {what}");
            if (new FileInfo(path).Length > maxBytes)
                throw new UserInputException($"{option}: '{path}' is larger than {maxBytes / MiB} MiB, more than {what} can be");
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"{option}: cannot read '{path}' ({e.GetType().Name.Replace("Exception", "", StringComparison.Ordinal)}); give {what}");
        }
    }
}
