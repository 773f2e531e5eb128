using Deployments.Infra.Config;
using Deployments.Infra.Naming;
using Deployments.Infra.Template;

namespace Deployments.Infra.Stacks.Environment;

/// <summary>
/// The identities CI uses, one role per purpose, created only when <c>ci</c> is configured: GitHub's OIDC
/// provider (or an existing one: IAM allows one provider per URL per account, so staging creates it and production
/// names it), the environment's deploy role (only jobs in the GitHub environment of the same name) and its preview
/// role (only pull_request runs, and the default branch's scheduled sweeper), and its read-only review role (only
/// jobs in the GitHub environment <c>review-ENV</c>: <c>env review</c> in infra.yml) and its read-only drift role (only
/// jobs in <c>drift-ENV</c>: <c>env drift</c> in drift.yml). The preview boundary exists whenever
/// the environment hosts previews, so preview stacks can always set it on the roles they create.
/// </summary>
public static class CiIdentities
{
    /// <summary>Two hours: the deploy workflow asks for 90 minutes (<c>role-duration-seconds: 5400</c>).</summary>
    public const int DeploySessionSeconds = 7200;

    /// <summary>One hour, IAM's default, stated: a drift job is a refresh preview (drift.yml's <c>timeout-minutes: 30</c>).</summary>
    public const int DriftSessionSeconds = 3600;

    public static void Add(PulumiTemplate template, EnvironmentSettings settings, EnvironmentNames names, string project, object vpcId)
    {
        var ci = settings.Ci;
        var hostsPreviews = settings.HostsPreviews;
        var ciNames = CiNames.For(settings.App.AppName, settings.Environment);
        var inputs = new CiPolicyInputs
        {
            AppName = settings.App.AppName,
            Project = project,
            Names = names,
            Ci = ciNames,
            Arns = new AwsArns(settings.Region),
            VpcId = vpcId,
            BoundaryArn = Expr.Ref(LogicalNames.PreviewBoundary, "arn"),
            StateBucket = ci?.StateBucket,
            PreviewSecretArns = settings.PreviewDefaults.Secrets.Values.ToList(),
            ShiftsTraffic = !settings.Release.IsRolling,
            Shards = Shards.PreviewShardLayout.For(settings.PreviewCapacity).Count == 1 || settings.Dns?.PreviewDomain is null ? null
                : new CiPolicyInputs.ShardInputs(ShardNames.For(names), settings.Dns.HostedZoneId, settings.Dns.PreviewDomain),
            PreviewsScheduled = settings.PreviewDefaults.Schedule is not null,
            CreatesAccessLogsBucket = settings.AccessLogs is { ExistingBucket: null },
        };
        if (hostsPreviews)
        {
            var boundary = template.Add(new TemplateResource(LogicalNames.PreviewBoundary, "aws:iam:Policy", new Props
            {
                ["name"] = ciNames.PreviewBoundaryPolicyName,
                ["description"] = $"Permissions boundary of every role a preview of {names.Environment} creates",
                ["policy"] = PreviewBoundaryPolicy.Render(inputs),
            }));
            template.AddOutput(OutputNames.PreviewBoundaryArn, boundary.Out("arn"));
        }
        if (ci is null) return;

        object providerArn = ci.OidcProviderArn ?? (object)template.Add(new TemplateResource(LogicalNames.GitHubOidcProvider,
            "aws:iam:OpenIdConnectProvider", new Props
            {
                ["url"] = GitHubOidc.Url,
                ["clientIdLists"] = new[] { GitHubOidc.Audience },
            })).Out("arn");
        template.AddOutput(OutputNames.GitHubOidcProviderArn, providerArn);

        var deploy = AddRole(template, LogicalNames.CiDeployRole, ciNames.DeployRoleName,
            $"CI deploys of {names.Environment}: jobs in the GitHub environment '{names.Environment}' of {ci.Repository}",
            GitHubOidc.Trust(providerArn, [GitHubOidc.EnvironmentSubject(ci.Repository, names.Environment)]));
        // A deploy job may run 90 minutes (deploy.yml timeout-minutes); sessions default to, and are capped at, one hour
        // unless the role allows more (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_update-role-settings.html).
        deploy.Properties["maxSessionDuration"] = DeploySessionSeconds;
        AddPolicy(template, LogicalNames.CiDeployRolePolicy, deploy, DeployRolePolicy.Render(inputs, settings.Dns?.HostedZoneId));
        template.AddOutput(OutputNames.CiDeployRoleArn, deploy.Out("arn"));

        // infra.yml previews the environment with this one for pull requests: reads only, and only in the GitHub
        // environment review-ENV (the default branch's pull_request_target job, which runs none of the pull request's code).
        var review = AddRole(template, LogicalNames.CiReviewRole, ciNames.ReviewRoleName,
            $"CI reviews of {names.Environment} (pulumi preview, read-only): jobs in the GitHub environment '{GitHubOidc.ReviewEnvironment(names.Environment)}' of {ci.Repository}",
            GitHubOidc.Trust(providerArn, [GitHubOidc.EnvironmentSubject(ci.Repository, GitHubOidc.ReviewEnvironment(names.Environment))]));
        AddPolicy(template, LogicalNames.CiReviewRolePolicy, review, ReviewRolePolicy.Render(inputs));
        template.AddOutput(OutputNames.CiReviewRoleArn, review.Out("arn"));

        // drift.yml refreshes the environment with this one, daily: reads only (no secret value), and only in the GitHub
        // environment drift-ENV (default branch, no reviewers).
        var driftEnvironment = GitHubOidc.DriftEnvironment(names.Environment);
        var drift = AddRole(template, LogicalNames.CiDriftRole, ciNames.DriftRoleName,
            $"CI drift checks of {names.Environment} (pulumi refresh --preview-only, read-only): jobs in the GitHub environment '{driftEnvironment}' of {ci.Repository}",
            GitHubOidc.Trust(providerArn, [GitHubOidc.EnvironmentSubject(ci.Repository, driftEnvironment)]));
        drift.Properties["maxSessionDuration"] = DriftSessionSeconds;
        AddPolicy(template, LogicalNames.CiDriftRolePolicy, drift, DriftRolePolicy.Render(inputs, settings.Dns?.HostedZoneId));
        template.AddOutput(OutputNames.CiDriftRoleArn, drift.Out("arn"));

        if (!hostsPreviews) return;
        var preview = AddRole(template, LogicalNames.CiPreviewRole, ciNames.PreviewRoleName,
            $"CI previews of {names.Environment}: pull_request runs of {ci.Repository} and its {ci.DefaultBranch} branch's sweeper",
            GitHubOidc.Trust(providerArn, [GitHubOidc.PullRequestSubject(ci.Repository), GitHubOidc.BranchSubject(ci.Repository, ci.DefaultBranch)]));
        AddPolicy(template, LogicalNames.CiPreviewRolePolicy, preview, PreviewRolePolicy.Render(inputs));
        template.AddOutput(OutputNames.CiPreviewRoleArn, preview.Out("arn"));
    }

    private static TemplateResource AddRole(PulumiTemplate template, string logicalName, string name, string description, Props trust) =>
        template.Add(new TemplateResource(logicalName, "aws:iam:Role", new Props
        {
            ["name"] = name,
            ["description"] = description,
            ["assumeRolePolicy"] = trust,
        }));

    private static void AddPolicy(PulumiTemplate template, string logicalName, TemplateResource role, Props document) =>
        template.Add(new TemplateResource(logicalName, "aws:iam:RolePolicy", new Props { ["role"] = role.Out("id"), ["policy"] = document }));
}
