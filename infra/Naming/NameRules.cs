namespace Deployments.Infra.Naming;

/// <summary>Validation of the inputs every name is built from: the app name, the environment name and the branch.</summary>
public static class NameRules
{
    public const int MaxAppNameLength = 16;
    /// <summary>15, not 16: <c>app-env</c> (16 + 1 + 15) must fit the 32 characters of an ALB or target group name.</summary>
    public const int MaxEnvironmentLength = 15;

    /// <summary>Git has no limit of its own (only the file system's 255 bytes per path component), so branches like
    /// <c>feature/&lt;250 characters&gt;</c> exist; 1024 accepts them and still bounds the work on hostile input.</summary>
    public const int MaxBranchLength = 1024;

    /// <summary>Marks preview names (<c>app-pv-slug</c>) so that no branch, not even one called "staging", can take an environment's names.</summary>
    public const string PreviewMarker = "pv";

    private const string PrefixRule = "characters of a-z, 0-9 and '-', start with a letter, not end with '-' and not contain '--'";

    /// <summary>
    /// Besides the prefix rule, refuses "internal"/"internal-…" and "sg"/"sg-…": names start with the app name, and
    /// an ALB name must not start with "internal-" nor a security group name with "sg-" (ELBv2 CreateLoadBalancer and EC2 CreateSecurityGroup API references).
    /// </summary>
    public static bool TryValidateAppName(string? value, out string message)
    {
        if (!TryValidatePrefix(value, MaxAppNameLength, out message)) return false;
        // App "shop-pv" would name its environments "shop-pv-staging": inside app "shop"'s preview names, which
        // shop's preview CI role may manage (IAM policies match "shop-pv-*").
        if (value!.EndsWith("-" + PreviewMarker, StringComparison.Ordinal) || value.Contains($"-{PreviewMarker}-", StringComparison.Ordinal))
        {
            message = $"must not end with '-{PreviewMarker}' or contain '-{PreviewMarker}-' (another app's preview names start '<app>-{PreviewMarker}-')";
            return false;
        }
        if (value is not ("internal" or "sg") && !value.StartsWith("internal-", StringComparison.Ordinal) && !value.StartsWith("sg-", StringComparison.Ordinal))
            return true;
        message = "must not be 'internal' or 'sg' or start with 'internal-' or 'sg-' (AWS reserves those prefixes for ALB and security group names)";
        return false;
    }

    /// <summary>
    /// Besides the app-name rule, refuses names whose resources would be another stack's: "pv"/"pv-…" (preview
    /// AWS names), "preview"/"preview-…" (preview stacks and log groups), "…-migrate" (env "x"'s migration family
    /// is "app-x-migrate") and "…-preview" (env "x"'s preview roles are "app-x-preview-task"/"-execution").
    /// </summary>
    public static bool TryValidateEnvironmentName(string? value, out string message)
    {
        if (!TryValidatePrefix(value, MaxEnvironmentLength, out message)) return false;
        var taken = value is PreviewMarker or "preview"
            || value!.StartsWith(PreviewMarker + "-", StringComparison.Ordinal) || value.StartsWith("preview-", StringComparison.Ordinal)
            || value.EndsWith(BranchSlug.MigrateSuffix, StringComparison.Ordinal) || value.EndsWith("-preview", StringComparison.Ordinal);
        if (!taken) return true;
        message = $"must not be '{PreviewMarker}' or 'preview', start with '{PreviewMarker}-' or 'preview-', or end with '-migrate' or '-preview' (those names belong to preview stacks or to another environment's resources)";
        return false;
    }

    /// <summary>
    /// Empty, whitespace-only (git forbids spaces in branch names, so it is a blank CI variable) and control
    /// characters are refused, and so are unpaired surrogates: UTF-8 encodes them all as U+FFFD, so two such
    /// branches would share a hash.
    /// </summary>
    public static bool TryValidateBranch(string? value, out string message)
    {
        message = $"must be a git branch name of 1-{MaxBranchLength} characters: not only whitespace, no control characters, no unpaired surrogates";
        if (string.IsNullOrWhiteSpace(value) || value.Length > MaxBranchLength) return false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || char.IsLowSurrogate(c)) return false;
            if (char.IsHighSurrogate(c) && (i + 1 == value.Length || !char.IsLowSurrogate(value[++i]))) return false;
        }
        message = "";
        return true;
    }

    /// <summary>GitHub login (owner): at most 39 characters; repository name: at most 100.</summary>
    public const int MaxOwnerLength = 39, MaxRepositoryNameLength = 100;

    /// <summary>
    /// A repository's full name as GitHub prints it (<c>owner/name</c>): the owner of letters, digits and '-', at most
    /// 39; the name of letters, digits, '.', '_' and '-', at most 100, not "." or "..". A fork's author chooses both,
    /// so nothing else (no ':' that would split a naming key, no '/' beyond the one, no control characters) passes.
    /// </summary>
    public static bool TryValidateRepository(string? value, out string message)
    {
        message = $"must be a GitHub repository as owner/name: the owner 1-{MaxOwnerLength} of A-Z, a-z, 0-9 and '-', the name 1-{MaxRepositoryNameLength} of A-Z, a-z, 0-9, '.', '_' and '-'";
        var slash = value?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        if (value is null || slash < 1 || slash > MaxOwnerLength) return false;
        var owner = value[..slash];
        var name = value[(slash + 1)..];
        if (name.Length is 0 or > MaxRepositoryNameLength || name is "." or "..") return false;
        if (!owner.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')) return false;
        if (!name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')) return false;
        message = "";
        return true;
    }

    private static bool TryValidatePrefix(string? value, int maxLength, out string message)
    {
        message = $"must be 1-{maxLength} {PrefixRule}";
        if (string.IsNullOrEmpty(value) || value.Length > maxLength || !char.IsAsciiLetterLower(value[0]) || value[^1] == '-'
            || value.Contains("--", StringComparison.Ordinal))
            return false;
        foreach (var c in value)
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-') return false;
        message = "";
        return true;
    }
}
