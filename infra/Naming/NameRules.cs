namespace Deployments.Infra.Naming;

/// <summary>Validation of the inputs every name is built from: the app name, the environment name and the branch.</summary>
public static class NameRules
{
    public const int MaxAppNameLength = 16;
    /// <summary>15, not 16: <c>app-env</c> must fit the 32 characters of an ALB or target group name.</summary>
    public const int MaxEnvironmentLength = 15;
    /// <summary>Git itself has no hard limit; 1024 keeps a hostile payload from producing absurd work.</summary>
    public const int MaxBranchLength = 1024;
    /// <summary>Marks preview names (<c>app-pv-slug</c>) so that no branch can take an environment's names.</summary>
    public const string PreviewMarker = "pv";

    private const string PrefixRule = "characters of a-z, 0-9 and '-', start with a letter, not end with '-' and not contain '--'";

    public static bool TryValidateAppName(string? value, out string message) => TryValidatePrefix(value, MaxAppNameLength, out message);

    public static bool TryValidateEnvironmentName(string? value, out string message)
    {
        if (!TryValidatePrefix(value, MaxEnvironmentLength, out message)) return false;
        if (value == PreviewMarker || value!.StartsWith(PreviewMarker + "-", StringComparison.Ordinal) || value.StartsWith("preview", StringComparison.Ordinal))
        {
            message = $"must not be '{PreviewMarker}' or start with '{PreviewMarker}-' or 'preview' (those names belong to preview stacks)";
            return false;
        }
        return true;
    }

    public static bool TryValidateBranch(string? value, out string message)
    {
        message = $"must be a git branch name of 1-{MaxBranchLength} characters without control characters";
        if (string.IsNullOrEmpty(value) || value.Length > MaxBranchLength) return false;
        foreach (var c in value) if (char.IsControl(c)) return false;
        message = "";
        return true;
    }

    private static bool TryValidatePrefix(string? value, int maxLength, out string message)
    {
        message = $"must be 1-{maxLength} {PrefixRule}";
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || !char.IsAsciiLetterLower(value[0]) || value[^1] == '-'
            || value.Contains("--", StringComparison.Ordinal))
            return false;
        foreach (var c in value) if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-') return false;
        message = "";
        return true;
    }
}
