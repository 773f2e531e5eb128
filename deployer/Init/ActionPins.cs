namespace Deployments.Deployer.Init;

/// <summary>
/// The third-party actions the generated workflows use, each pinned to the full commit SHA of a release tag (a tag
/// can be moved, a commit cannot: https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions#using-third-party-actions),
/// with the tag as a comment. Read from each repository's tags (<c>git show-ref --tags</c>, peeled to the commit).
/// </summary>
public static class ActionPins
{
    public const string Checkout = "actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1";
    public const string ConfigureAwsCredentials = "aws-actions/configure-aws-credentials@e6de054238d6b7531b4efff3b6587d9aade6a06c # v6.2.3";
    public const string SetupBuildx = "docker/setup-buildx-action@37fe631027851001ddb9b187196cc803df7f5f0e # v4.3.0";
    public const string DockerLogin = "docker/login-action@4907a6ddec9925e35a0a9e82d7399ccc52663121 # v4.1.0";
    public const string SetupDotnet = "actions/setup-dotnet@a98b56852c35b8e3190ac28c8c2271da59106c68 # v6.0.0";
    public const string BuildPush = "docker/build-push-action@53b7df96c91f9c12dcc8a07bcb9ccacbed38856a # v7.3.0";

    /// <summary>Where our own action lives; <c>--action-repository</c> overrides it (a fork, a GitHub Enterprise mirror).</summary>
    public const string DefaultActionRepository = "deployments-dev/deployments";

    /// <summary>
    /// Our action at the commit this tool was built from, with its version as a comment; without a known commit,
    /// the version tag (<paramref name="pinned"/> false), which the caller says.
    /// </summary>
    public static string Action(string repository, ToolIdentity tool, out bool pinned)
    {
        pinned = tool.Commit is not null;
        return pinned
            ? $"{repository}@{tool.Commit} # v{tool.Version}"
            : $"{repository}@v{tool.Version} # not pinned to a commit: this build of the tool did not know its commit";
    }
}
