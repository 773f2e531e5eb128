using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// GitHub Actions' OIDC issuer and the trust policies bound to it
/// (https://docs.github.com/en/actions/security-for-github-actions/security-hardening-your-deployments/configuring-openid-connect-in-amazon-web-services).
/// The token's <c>sub</c> is <c>repo:OWNER/REPO:environment:NAME</c> for a job with <c>environment:</c>,
/// <c>repo:OWNER/REPO:pull_request</c> for pull_request events, and <c>repo:OWNER/REPO:ref:refs/heads/BRANCH</c>
/// otherwise (https://docs.github.com/en/actions/reference/security/oidc#example-subject-claims).
/// </summary>
public static class GitHubOidc
{
    public const string Host = "token.actions.githubusercontent.com";
    public const string Url = "https://" + Host;
    /// <summary>The audience configure-aws-credentials requests (https://github.com/aws-actions/configure-aws-credentials).</summary>
    public const string Audience = "sts.amazonaws.com";

    public static string EnvironmentSubject(string repository, string environment) => $"repo:{repository}:environment:{environment}";

    /// <summary>
    /// The GitHub environment infra.yml's review of <paramref name="environment"/> runs in: <c>review-ENV</c>, limited to the
    /// default branch, which a <c>pull_request_target</c> job runs on and a pull request's own workflow never does. It holds
    /// the environment's passphrase, so no code a pull request carries can read it (README "Reviewing infrastructure changes").
    /// </summary>
    public static string ReviewEnvironment(string environment) => $"review-{environment}";

    /// <summary>
    /// The GitHub environment drift.yml's check of <paramref name="environment"/> runs in: <c>drift-ENV</c>, limited to the
    /// default branch and without reviewers (a scheduled run must not wait for an approval). It holds the environment's
    /// passphrase and the drift role's ARN (README "The drift role").
    /// </summary>
    public static string DriftEnvironment(string environment) => $"drift-{environment}";
    public static string PullRequestSubject(string repository) => $"repo:{repository}:pull_request";
    public static string BranchSubject(string repository, string branch) => $"repo:{repository}:ref:refs/heads/{branch}";

    /// <summary>
    /// AssumeRoleWithWebIdentity from this provider only, with the exact audience and one of the exact subjects:
    /// StringEquals, never StringLike, so no wildcard in a repository or environment name widens it.
    /// </summary>
    public static Props Trust(object providerArn, IReadOnlyList<string> subjects) => Fn.ToJson(new Props
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new[]
        {
            new Props
            {
                ["Effect"] = "Allow",
                ["Principal"] = new Props { ["Federated"] = providerArn },
                ["Action"] = "sts:AssumeRoleWithWebIdentity",
                ["Condition"] = new Props
                {
                    ["StringEquals"] = new Props
                    {
                        [$"{Host}:aud"] = Audience,
                        [$"{Host}:sub"] = subjects.Count == 1 ? subjects[0] : subjects.ToList(),
                    },
                },
            },
        },
    });
}
