using System.Globalization;
using Deployments.Deployer.Errors;

namespace Deployments.Deployer.Pulumi;

/// <summary>
/// The supported Pulumi CLI versions. <c>pulumi version</c> prints <c>v3.x.y</c> (https://www.pulumi.com/docs/iac/cli/commands/; Automation API
/// strips the <c>v</c> the same way). 3.211 is the minimum because DIY backends (<c>file://</c>, <c>s3://</c>, …) keep stack
/// tags from that version on (https://github.com/pulumi/pulumi/pull/19882, in the v3.211.0 changelog,
/// https://github.com/pulumi/pulumi/blob/master/CHANGELOG.md): before it <c>stack tag set</c> fails there and
/// <c>stack ls --tag</c> ignores the filter, listing every stack, and the deployer finds previews by their tags
/// (<see cref="Previews.PreviewTags"/>). It is past 3.154, from which the YAML host passes <c>PULUMI_STACK</c> to the
/// compiler (https://www.pulumi.com/docs/iac/cli/environment-variables/), which reads the stack from it.
/// </summary>
public static class PulumiVersion
{
    public static readonly Version Minimum = new(3, 211, 0);

    /// <summary>From the install page, https://www.pulumi.com/docs/install/ (the script installs the latest release).</summary>
    public const string InstallAdvice = "install or upgrade it (https://www.pulumi.com/docs/install/, e.g. curl -fsSL https://get.pulumi.com | sh)";

    public static ToolMissingException NotFound() =>
        new($"the Pulumi CLI ('pulumi') is not on PATH; {InstallAdvice} (version {Minimum} or later), then run this again");

    /// <summary>The version <c>pulumi version</c> printed, or null when the output is not a version.</summary>
    public static Version? Parse(string stdout)
    {
        var text = stdout.Trim();
        if (text.StartsWith('v')) text = text[1..];
        // Pre-release and build suffixes (3.160.0-alpha.x, +dirty) do not change the release it is.
        var end = text.IndexOfAny(['-', '+']);
        if (end >= 0) text = text[..end];
        return Version.TryParse(text, out var version) && version.Major >= 0 ? version : null;
    }

    /// <summary>Throws <see cref="ToolMissingException"/> unless <paramref name="result"/> shows a supported CLI.</summary>
    public static void Require(CommandResult result)
    {
        var version = result.ExitCode == 0 ? Parse(result.StdOut) : null;
        if (version is null)
            throw new ToolMissingException($"'pulumi version' did not report a version (exit code {result.ExitCode.ToString(CultureInfo.InvariantCulture)}); is 'pulumi' on PATH the Pulumi CLI? {InstallAdvice} (version {Minimum} or later)");
        if (version < Minimum)
            throw new ToolMissingException($"the Pulumi CLI on PATH is version {version}, older than the supported minimum {Minimum}; {InstallAdvice}");
    }
}
