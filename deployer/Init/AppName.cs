using System.Text;
using Deployments.Infra.Naming;

namespace Deployments.Deployer.Init;

/// <summary>
/// The default app name: the repository directory's name normalised to the naming rules (lower case, runs of
/// anything but a-z and 0-9 become one '-', starting with a letter, at most <see cref="NameRules.MaxAppNameLength"/>).
/// Null when nothing is left; the caller then checks the rest of the rules and names the flag to pass.
/// </summary>
public static class AppName
{
    public static string? FromDirectory(string directoryName)
    {
        var name = new StringBuilder();
        foreach (var c in directoryName.ToLowerInvariant())
        {
            if (char.IsAsciiLetterLower(c) || (char.IsAsciiDigit(c) && name.Length > 0)) name.Append(c);
            else if (name.Length > 0 && name[^1] != '-') name.Append('-');
        }
        var normalised = name.ToString();
        if (normalised.Length > NameRules.MaxAppNameLength) normalised = normalised[..NameRules.MaxAppNameLength];
        normalised = normalised.TrimEnd('-');
        return normalised.Length > 0 ? normalised : null;
    }
}
